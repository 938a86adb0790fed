using System.Collections.Immutable;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// The .dockerignore knowledge, as data. Group names become comment headers in a generated file. A plain name
/// (<c>dist</c>) matches at the context root only, <c>**/x</c> at any depth (Docker's rules, not .gitignore's).
/// The Dockerfile and .dockerignore are listed on purpose: Docker still sends them to the builder, but COPY . no
/// longer copies them, so editing the Dockerfile stops invalidating the source layer.
/// </summary>
public static class IgnoreCatalog
{
    public const string VersionControl = "version control";
    public const string Secrets = "secrets";
    public const string DockerFiles = "Docker files (still sent to the builder; COPY no longer copies them)";
    public const string Editors = "editors and OS files";
    public const string Logs = "logs";
    public const string Dependencies = "dependencies installed by the Dockerfile";
    public const string Caches = "caches and test output";
    public const string BuildOutput = "build output the Dockerfile rebuilds";

    public static ImmutableArray<IgnoreRule> Rules { get; } =
    [
        new(".git", VersionControl, null, IgnoreTrigger.Always),
        new(".hg", VersionControl, null, IgnoreTrigger.Present),
        new(".svn", VersionControl, null, IgnoreTrigger.Present),

        new(".env", Secrets, null, IgnoreTrigger.Always, ChangesBehaviour: true),
        new(".env.*", Secrets, null, IgnoreTrigger.Always, ChangesBehaviour: true),
        new("*.pem", Secrets, null, IgnoreTrigger.Always, ChangesBehaviour: true),
        new("*.key", Secrets, null, IgnoreTrigger.Always, ChangesBehaviour: true),
        new("id_rsa*", Secrets, null, IgnoreTrigger.Always, ChangesBehaviour: true),

        new("Dockerfile*", DockerFiles, null, IgnoreTrigger.Always),
        new(".dockerignore", DockerFiles, null, IgnoreTrigger.Always),
        new("docker-compose*.yml", DockerFiles, null, IgnoreTrigger.Always),
        new("docker-compose*.yaml", DockerFiles, null, IgnoreTrigger.Always),
        new("compose.yml", DockerFiles, null, IgnoreTrigger.Always),
        new("compose.yaml", DockerFiles, null, IgnoreTrigger.Always),

        new(".vscode", Editors, null, IgnoreTrigger.Always),
        new(".idea", Editors, null, IgnoreTrigger.Always),
        new("**/*.swp", Editors, null, IgnoreTrigger.Always),
        new("**/.DS_Store", Editors, null, IgnoreTrigger.Always),

        new("*.log", Logs, null, IgnoreTrigger.Always),
        new("npm-debug.log*", Logs, "node", IgnoreTrigger.Ecosystem),
        new("yarn-debug.log*", Logs, "node", IgnoreTrigger.Ecosystem),
        new("yarn-error.log*", Logs, "node", IgnoreTrigger.Ecosystem),

        new("**/node_modules", Dependencies, "node", IgnoreTrigger.Installs, InWorkingTree: true),
        new(".venv", Dependencies, "python", IgnoreTrigger.Installs),
        new("venv", Dependencies, "python", IgnoreTrigger.Installs),
        new(".bundle", Dependencies, "ruby", IgnoreTrigger.Installs),
        new("vendor/bundle", Dependencies, "ruby", IgnoreTrigger.Installs),

        new(".npm", Caches, "node", IgnoreTrigger.Present),
        new("coverage", Caches, "node", IgnoreTrigger.Present),
        new(".nyc_output", Caches, "node", IgnoreTrigger.Present),
        new("**/__pycache__", Caches, "python", IgnoreTrigger.Ecosystem),
        new("**/*.pyc", Caches, "python", IgnoreTrigger.Ecosystem),
        new(".pytest_cache", Caches, "python", IgnoreTrigger.Ecosystem),
        new(".mypy_cache", Caches, "python", IgnoreTrigger.Present),
        new(".ruff_cache", Caches, "python", IgnoreTrigger.Present),
        new(".tox", Caches, "python", IgnoreTrigger.Present),
        new(".coverage", Caches, "python", IgnoreTrigger.Present),
        new("htmlcov", Caches, "python", IgnoreTrigger.Present),
        new(".gradle", Caches, "java", IgnoreTrigger.Present),

        new("dist", BuildOutput, "node", IgnoreTrigger.Builds),
        new("build", BuildOutput, "node", IgnoreTrigger.Builds),
        new(".next", BuildOutput, "node", IgnoreTrigger.Builds),
        new("dist", BuildOutput, "python", IgnoreTrigger.Builds),
        new("build", BuildOutput, "python", IgnoreTrigger.Builds),
        new("*.egg-info", BuildOutput, "python", IgnoreTrigger.Builds),
        new("target", BuildOutput, "rust", IgnoreTrigger.Builds),
        new("target", BuildOutput, "java", IgnoreTrigger.Builds),
        new("build", BuildOutput, "java", IgnoreTrigger.Builds),
        new("**/bin", BuildOutput, "dotnet", IgnoreTrigger.Builds),
        new("**/obj", BuildOutput, "dotnet", IgnoreTrigger.Builds),
    ];
}