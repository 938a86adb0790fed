namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// A tool call recognised as an ecosystem's dependency install or build, with what a manifests-first copy needs to
/// know about it: the manifests its arguments name and whether it reads the project source.
/// </summary>
public sealed record EcosystemCommand(Ecosystem Ecosystem, CommandPattern Pattern, EcosystemCommandKind Kind, ToolInvocation Invocation)
{
    /// <summary>The recognised install or build a tool call is, or null.</summary>
    public static EcosystemCommand? Recognise(ToolInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        foreach (var ecosystem in EcosystemTable.All)
        {
            foreach (var pattern in ecosystem.InstallCommands)
            {
                if (invocation.Matches(pattern))
                {
                    return new EcosystemCommand(ecosystem, pattern, EcosystemCommandKind.Install, invocation);
                }
            }

            foreach (var pattern in ecosystem.BuildCommands)
            {
                if (invocation.Matches(pattern))
                {
                    return new EcosystemCommand(ecosystem, pattern, EcosystemCommandKind.Build, invocation);
                }
            }
        }

        return null;
    }

    /// <summary>Manifests named by the arguments (<c>-r requirements.txt</c>); null entries are values not known statically.</summary>
    public IReadOnlyList<string?> ManifestArguments => [.. Invocation.FlagValues(Pattern.ManifestFlagList)];

    /// <summary>Why the command reads the project source (so it cannot run before the source is copied), or null when it does not.</summary>
    public string? SourceReason
    {
        get
        {
            foreach (var flag in Pattern.SourceFlagList)
            {
                if (Invocation.HasFlag(flag))
                {
                    return $"'{Invocation}' installs the project itself ({flag})";
                }
            }

            if (Pattern.ReadsSource && !Pattern.NoSourceFlagList.Any(Invocation.HasFlag))
            {
                return $"'{Invocation}' installs the project itself (add {string.Join(" or ", Pattern.NoSourceFlagList)} to install only its dependencies)";
            }

            if (Pattern.PathArgumentsReadSource)
            {
                foreach (var word in PositionalArguments())
                {
                    if (IsLocalPath(word.Value ?? word.Text))
                    {
                        return $"'{Invocation}' installs from the path '{word.Text}'";
                    }
                }
            }

            return null;
        }
    }

    /// <summary>The arguments after the sub-command words that are not flags or flag values (<c>dotnet restore src/Api.csproj</c> → src/Api.csproj).</summary>
    public IEnumerable<Core.Shell.ShellWord> PositionalArguments()
    {
        var valueFlags = Pattern.FlagsWithValues.ToHashSet(StringComparer.Ordinal);
        var skipped = 0;
        var arguments = Invocation.Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            var word = arguments[i];
            if (word.Text.StartsWith('-'))
            {
                if (word.Value is { } flag && valueFlags.Contains(flag))
                {
                    i++;
                }

                continue;
            }

            if (skipped++ < Pattern.Words.Length)
            {
                continue;
            }

            yield return word;
        }
    }

    private static bool IsLocalPath(string value) =>
        !value.Contains("://", StringComparison.Ordinal)
        && (value == "." || value == ".." || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal)
            || value.StartsWith('/') || value.StartsWith('$') || value.EndsWith(".whl", StringComparison.Ordinal)
            || value.EndsWith(".tar.gz", StringComparison.Ordinal) || value.EndsWith(".zip", StringComparison.Ordinal));
}

/// <summary>Whether a recognised command installs dependencies or builds the application.</summary>
public enum EcosystemCommandKind
{
    Install,
    Build,
}