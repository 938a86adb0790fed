using System.Reflection;

namespace DockerOpt.Cli.CommandLine;

/// <summary>The version `dockeropt --version` prints and SARIF logs name (the package version, no commit suffix).</summary>
public static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}