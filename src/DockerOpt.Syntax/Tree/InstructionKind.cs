namespace DockerOpt.Syntax;

/// <summary>The Dockerfile instructions BuildKit knows, plus <see cref="Unknown"/> for anything else.</summary>
public enum InstructionKind
{
    Unknown,
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    Stopsignal,
    User,
    Volume,
    Workdir,
}

/// <summary>Maps keywords to <see cref="InstructionKind"/> (case-insensitively, as BuildKit does).</summary>
public static class InstructionKinds
{
    public static InstructionKind FromKeyword(ReadOnlySpan<char> keyword)
    {
        Span<char> lower = stackalloc char[12];
        if (keyword.Length > lower.Length)
        {
            return InstructionKind.Unknown;
        }

        int length = keyword.ToLowerInvariant(lower);
        return lower[..length] switch
        {
            "add" => InstructionKind.Add,
            "arg" => InstructionKind.Arg,
            "cmd" => InstructionKind.Cmd,
            "copy" => InstructionKind.Copy,
            "entrypoint" => InstructionKind.Entrypoint,
            "env" => InstructionKind.Env,
            "expose" => InstructionKind.Expose,
            "from" => InstructionKind.From,
            "healthcheck" => InstructionKind.Healthcheck,
            "label" => InstructionKind.Label,
            "maintainer" => InstructionKind.Maintainer,
            "onbuild" => InstructionKind.Onbuild,
            "run" => InstructionKind.Run,
            "shell" => InstructionKind.Shell,
            "stopsignal" => InstructionKind.Stopsignal,
            "user" => InstructionKind.User,
            "volume" => InstructionKind.Volume,
            "workdir" => InstructionKind.Workdir,
            _ => InstructionKind.Unknown,
        };
    }

    /// <summary>The canonical upper-case keyword (<c>null</c> for <see cref="InstructionKind.Unknown"/>).</summary>
    public static string? ToKeyword(this InstructionKind kind) =>
        kind == InstructionKind.Unknown ? null : kind.ToString().ToUpperInvariant();
}