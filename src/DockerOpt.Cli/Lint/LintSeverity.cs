namespace DockerOpt.Cli.Lint;

/// <summary>How much a lint diagnostic matters; <c>--fail-level</c> names the lowest one that fails the run.</summary>
public enum LintSeverity
{
    /// <summary>Advice: something a person should look at that dockeropt does not change.</summary>
    Info,

    /// <summary>A change dockeropt would make: the file is not as small, fast or safe as it could be.</summary>
    Warning,

    /// <summary>Reserved for problems that break builds; --fail-level error fails only on those.</summary>
    Error,
}