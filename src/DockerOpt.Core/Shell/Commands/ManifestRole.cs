namespace DockerOpt.Core.Shell.Commands;

/// <summary>What a manifest file is to the package manager.</summary>
public enum ManifestRole
{
    /// <summary>Declares the dependencies (package.json, requirements.txt, go.mod).</summary>
    Manifest,

    /// <summary>Pins them exactly (package-lock.json, poetry.lock, go.sum).</summary>
    Lockfile,

    /// <summary>Configures the package manager (.npmrc, .yarnrc.yml).</summary>
    Config,
}