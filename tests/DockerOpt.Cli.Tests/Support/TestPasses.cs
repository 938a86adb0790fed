using System.Collections.Immutable;
using System.Text.RegularExpressions;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;

namespace DockerOpt.Cli.Tests.Support;

/// <summary>
/// A small, fixed set of real passes for CLI tests: one that changes behaviour (adds --no-install-recommends,
/// sharing hadolint's DL3015), one that only advises (privileged ports), one that proposes a .dockerignore.
/// Their behaviour never changes under the CLI tests' feet the way the production passes' may.
/// </summary>
public static class TestPasses
{
    public static ImmutableArray<IRewritePass> All { get; } = [new NoRecommendsPass(), new PrivilegedPortPass(), new IgnoreGitPass()];
}

/// <summary>Adds <c>--no-install-recommends</c> to <c>apt-get install</c> in shell-form RUNs.</summary>
public sealed partial class NoRecommendsPass : IRewritePass
{
    public const string Id = "test-no-recommends";

    public PassInfo Info { get; } = new(
        Id,
        "apt-get install without recommended packages",
        "Adds --no-install-recommends to apt-get install, so only the packages asked for are installed. Leaves exec-form RUNs alone.",
        PassCategory.Size,
        PassSafety.ChangesBehaviour,
        ["exec-form RUN instructions"],
        "RUN apt-get install -y curl",
        "RUN apt-get install --no-install-recommends -y curl",
        ["DL3015"]);

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var instruction in context.Syntax.Instructions.Where(i => i.Kind == InstructionKind.Run))
        {
            var text = context.Text[instruction.Span.Start..instruction.Span.End];
            var match = AptInstall().Match(text);
            if (!match.Success || text.Contains("--no-install-recommends", StringComparison.Ordinal))
            {
                continue;
            }

            if (context.IsIgnored(instruction, "DL3015"))
            {
                findings.Add(PassContext.At(Id, instruction, FindingKind.Declined, "a pragma switches it off here"));
                continue;
            }

            edits.Add(new TextEdit(new TextSpan(instruction.Span.Start + match.Index + match.Length, 0), " --no-install-recommends"));
            findings.Add(PassContext.At(Id, instruction, FindingKind.Applied, "install only the packages asked for (--no-install-recommends)", changesBehaviour: true, hadolintId: "DL3015"));
        }

        return new PassResult(edits.ToImmutable(), findings.ToImmutable(), []);
    }

    [GeneratedRegex(@"apt-get install")]
    private static partial Regex AptInstall();
}

/// <summary>Advises on EXPOSE of a port below 1024 (a non-root process cannot bind it).</summary>
public sealed class PrivilegedPortPass : IRewritePass
{
    public const string Id = "test-privileged-port";

    public PassInfo Info { get; } = new(
        Id,
        "Privileged ports",
        "Points at EXPOSE of ports below 1024, which a non-root user cannot bind. Changes nothing.",
        PassCategory.Security,
        PassSafety.Safe,
        [],
        string.Empty,
        string.Empty,
        []);

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = context.Syntax.Instructions
            .Where(i => i.Kind == InstructionKind.Expose)
            .Where(i => context.Text[i.Span.Start..i.Span.End].Split(' ').Skip(1).Any(p => int.TryParse(p.Split('/')[0], out var port) && port < 1024))
            .Select(i => PassContext.At(Id, i, FindingKind.Advice, "port below 1024: a non-root user cannot bind it; listen on 8080, say"));
        return PassResult.FindingsOnly(findings);
    }
}

/// <summary>Proposes a .dockerignore that keeps .git out of the build context.</summary>
public sealed class IgnoreGitPass : IRewritePass
{
    public const string Id = "test-ignore-git";

    public PassInfo Info { get; } = new(
        Id,
        "Keep .git out of the build context",
        "Adds .git to the .dockerignore (creating it when missing).",
        PassCategory.BuildSpeed,
        PassSafety.Safe,
        [],
        string.Empty,
        string.Empty,
        []);

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.BuildContext.ReadText(".dockerignore");
        if (current is not null && current.Split('\n').Any(l => l.Trim() == ".git"))
        {
            return PassResult.Empty;
        }

        var content = (current is null or "" ? string.Empty : current.EndsWith('\n') ? current : current + "\n") + ".git\n";
        return new PassResult([], [new Finding(Id, FindingKind.Applied, 1, 1, "keep .git out of the build context (.dockerignore)")], [new GeneratedFile(".dockerignore", content, current)]);
    }
}

/// <summary>A pass with a bug, to check that internal errors end in exit 3 and a --verbose hint.</summary>
public sealed class CrashingPass : IRewritePass
{
    public PassInfo Info { get; } = new("test-crash", "Crashes", "Throws.", PassCategory.Hygiene, PassSafety.Safe, [], string.Empty, string.Empty, []);

    public PassResult Run(PassContext context) => throw new InvalidOperationException("the pass tripped over its own feet");
}

/// <summary>Simulates an editor saving the Dockerfile while dockeropt is working on it.</summary>
public sealed class ConcurrentEditorPass(string path, string editorText) : IRewritePass
{
    public PassInfo Info { get; } = new("test-concurrent-editor", "Concurrent editor", "Saves the file mid-run.", PassCategory.Hygiene, PassSafety.Safe, [], string.Empty, string.Empty, []);

    public PassResult Run(PassContext context)
    {
        File.WriteAllText(path, editorText);
        return PassResult.Empty;
    }
}