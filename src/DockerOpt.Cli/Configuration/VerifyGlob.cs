namespace DockerOpt.Cli.Configuration;

/// <summary>One entry of the <c>verify:</c> section: the checks for the Dockerfiles whose path (relative to the file's folder) matches <paramref name="Pattern"/>.</summary>
public sealed record VerifyGlob(string Pattern, VerifyChecks Checks);