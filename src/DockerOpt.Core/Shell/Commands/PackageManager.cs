namespace DockerOpt.Core.Shell.Commands;

/// <summary>The package managers and build tools dockeropt recognises in RUN commands.</summary>
public enum PackageManager
{
    Apt,
    Apk,
    Dnf,
    Yum,
    Microdnf,
    Pip,
    Npm,
    Yarn,
    Pnpm,
    Go,
    Cargo,
    Maven,
    Gradle,
    Dotnet,
    Gem,
    Bundler,
    Composer,
}