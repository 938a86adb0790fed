using System.Collections.Frozen;

using DockerOpt.Core.Shell;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// The dependency installs and the build or test steps of a RUN's script. An author who installs dependencies in one
/// RUN and tests or builds in the next keeps the install cached while the code changes, and a failing test does not
/// throw the install away: the two belong in separate layers.
/// </summary>
internal static class BuildSteps
{
    // Test runners called by name.
    private static readonly FrozenSet<string> TestRunners = FrozenSet.ToFrozenSet(
        ["pytest", "py.test", "tox", "nox", "jest", "mocha", "vitest", "rspec", "phpunit", "ctest"], StringComparer.Ordinal);

    // Tools whose first positional word names a test or check step (npm test, go test, make check).
    private static readonly FrozenSet<string> TestVerbTools = FrozenSet.ToFrozenSet(
        ["npm", "yarn", "pnpm", "go", "cargo", "mvn", "gradle", "dotnet", "make", "bundle", "rake"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> TestVerbs = FrozenSet.ToFrozenSet(["test", "check", "verify", "lint"], StringComparer.Ordinal);

    /// <summary>The first dependency install of the script (<c>yarn install</c>, <c>pip install -r ...</c>), as written, or null.</summary>
    public static string? FirstInstall(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return Tools(script).FirstOrDefault(t => EcosystemCommand.Recognise(t) is { Kind: EcosystemCommandKind.Install })?.Command.Text;
    }

    /// <summary>The first build or test step of the script (<c>yarn test</c>, <c>go build</c>), as written, or null.</summary>
    public static string? FirstBuildOrTest(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return Tools(script).FirstOrDefault(t => EcosystemCommand.Recognise(t) is { Kind: EcosystemCommandKind.Build } || IsTest(t))?.Command.Text;
    }

    private static IEnumerable<ToolInvocation> Tools(ShellScript script) =>
        script.SimpleCommands.Select(ToolInvocation.From).OfType<ToolInvocation>();

    private static bool IsTest(ToolInvocation tool)
    {
        if (TestRunners.Contains(tool.Program))
        {
            return true;
        }

        if (!TestVerbTools.Contains(tool.Program))
        {
            return false;
        }

        var words = tool.Positionals.Select(w => w.Value).Take(2).ToList();
        var verb = words.FirstOrDefault() == "run" || (words.FirstOrDefault() == "exec" && tool.Program == "bundle") ? words.ElementAtOrDefault(1) : words.FirstOrDefault();
        return verb is not null && (TestVerbs.Contains(verb) || verb.StartsWith("test:", StringComparison.Ordinal) || (tool.Program == "bundle" && TestRunners.Contains(verb)));
    }
}