namespace DockerOpt.Syntax;

/// <summary>
/// How an instruction's arguments are written: <see cref="Exec"/> is a JSON array (<c>["a","b"]</c>),
/// <see cref="Shell"/> is plain text for instructions that accept both forms (RUN, CMD, ENTRYPOINT, SHELL, ADD, COPY,
/// VOLUME, HEALTHCHECK CMD), <see cref="None"/> is everything else (including no arguments at all).
/// </summary>
public enum InstructionForm
{
    None,
    Shell,
    Exec,
}