using System.Collections.Immutable;

namespace DockerOpt.Core.Model.Roles;

/// <summary>
/// What dockeropt knows about names and tools that tell an image's role, as data: a new tool or naming habit is one
/// row here, not an if in a pass. Words are compared whole (a path segment, a name token, a command word).
/// </summary>
public static class RoleKnowledge
{
    /// <summary>Entrypoint tools that start as root and switch to another user themselves.</summary>
    public static ImmutableArray<string> PrivilegeDropTools { get; } =
        ["gosu", "su-exec", "setpriv", "runuser", "chpst", "s6-setuidgid", "s6-applyuidgid", "setuidgid", "suexec"];

    /// <summary>Init systems and process supervisors that run as root and start services under their own users.</summary>
    public static ImmutableArray<string> InitSystems { get; } =
        ["runsvdir", "runit", "s6-svscan", "s6-overlay", "supervisord", "systemd", "/sbin/init", "/lib/systemd/systemd", "openrc-init", "my_init"];

    /// <summary>Commands that need root or raw sockets to do their job, when they are what the image runs.</summary>
    public static ImmutableArray<string> PrivilegedCommands { get; } =
        ["tcpdump", "tshark", "dumpcap", "iptables", "ip6tables", "nft", "ping", "arping", "nmap", "traceroute", "mtr", "hping3", "ethtool",
         "modprobe", "sysctl", "mount", "docker-compose", "singularity", "apptainer"];

    /// <summary>Text that means the image talks to the Docker daemon through its socket.</summary>
    public static ImmutableArray<string> DockerSocketMarkers { get; } = ["/var/run/docker.sock", "/run/docker.sock"];

    /// <summary>File capabilities that let a binary open raw sockets or administer the network.</summary>
    public static ImmutableArray<string> RawSocketCapabilities { get; } = ["cap_net_raw", "cap_net_admin", "cap_sys_admin"];

    /// <summary>Places only root may write, which an entrypoint script writing there needs root for.</summary>
    public static ImmutableArray<(string Marker, string What)> RootOnlyWrites { get; } =
    [
        ("update-ca-certificates", "updates the system CA store"),
        ("update-ca-trust", "updates the system CA store"),
        ("/usr/local/share/ca-certificates", "writes to the system CA store"),
        ("/etc/pki/ca-trust", "writes to the system CA store"),
        ("/var/log/", "writes to root-owned /var/log"),
    ];

    /// <summary>
    /// Commands that drive the Docker daemon through its socket (clients, image analysers, minifiers): an image that
    /// runs one of them needs the mounted <c>docker.sock</c>, which only root (or the host's docker group) may use.
    /// </summary>
    public static ImmutableArray<string> DockerClients { get; } =
        ["docker", "slim", "docker-slim", "mint", "dive", "ctop", "lazydocker", "watchtower", "docker-gen", "dockle"];

    /// <summary>
    /// Folder names that say an application writes there at run time (its data, logs, temporary files, uploads): a
    /// folder the Dockerfile creates under such a name is what a non-root user must own, and nothing else.
    /// </summary>
    public static ImmutableHashSet<string> RunTimeDataFolders { get; } = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "data", "logs", "log", "tmp", "temp", "uploads", "upload", "cache", ".cache", "storage", "media", "sessions", "state", "db", "database", "output");

    /// <summary>
    /// Folders that hold the templates a repository generates its Dockerfiles from, one subfolder per image
    /// (<c>eng/dockerfile-templates/aspnet/</c> for <c>src/aspnet/8.0/.../Dockerfile</c>; dotnet-docker's tests check
    /// that the generated files match). A Dockerfile is generated when its path names one of those subfolders.
    /// </summary>
    public static ImmutableArray<string> TemplateFolders { get; } = ["eng/dockerfile-templates"];

    /// <summary>
    /// Scripts that write a repository's Dockerfiles from its templates (docker-library's <c>apply-templates.sh</c>,
    /// <c>update.sh</c> beside a <c>Dockerfile*.template</c>); named in the finding when found.
    /// </summary>
    public static ImmutableArray<string> TemplateGenerators { get; } =
        ["apply-templates.sh", "update.sh", "generate-dockerfiles.sh", "generate.sh", "render.sh", "update.py", "generate.py", "x.py"];

    /// <summary>Generators whose name alone says they write the Dockerfiles below them, template file or not.</summary>
    public static ImmutableArray<string> SelfEvidentGenerators { get; } = ["apply-templates.sh"];

    /// <summary>
    /// Build and deployment tools: an image whose ENTRYPOINT is one of them alone (<c>ENTRYPOINT ["cargo"]</c>) is a
    /// CI step that runs it on sources mounted at run time, as root like the rest of the pipeline.
    /// </summary>
    public static ImmutableHashSet<string> BuildTools { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "cargo", "npm", "npx", "yarn", "pnpm", "composer", "mvn", "gradle", "go", "make", "cmake", "bazel", "bazelisk", "helm",
        "helmfile", "kubectl", "kustomize", "terraform", "terragrunt", "packer", "gcloud", "gsutil", "docker", "flutter", "dotnet",
        "ansible", "ansible-playbook", "pub", "sbt", "lein", "mix", "rake", "bundle", "pip", "poetry", "tox", "hugo", "zola",
        "jekyll", "skaffold", "sonar-scanner", "ko", "buildah", "podman", "kaniko", "executor", "git", "gradlew", "mvnw", "ant",
        "firebase", "aws", "az", "pulumi", "serverless", "sls", "ng", "node-gyp", "dart", "swift", "rustup", "conan", "vcpkg",
        "bandit", "pylint", "flake8", "black", "eslint", "puppet-lint", "hadolint", "shellcheck", "yamllint", "ansible-lint", "tflint",
        "protoc", "pelican", "fastlane", "wrangler", "jsonnet", "ballerina", "earthly", "esy", "pack", "trivy", "checkov", "grype",
        "syft", "semgrep", "replicated", "replicated-lint", "kondunite", "jfrog", "vault", "nix-build", "glide");

    /// <summary>Working folders where CI systems mount the sources a step works on (Cloud Build, Tekton, GitHub Actions).</summary>
    public static ImmutableArray<string> CiWorkspaces { get; } = ["/workspace", "/github/workspace"];

    /// <summary>Where Cloud Build community builders keep the scripts their ENTRYPOINT runs.</summary>
    public static ImmutableArray<string> CiStepScriptFolders { get; } = ["/builder/"];

    /// <summary>
    /// A CMD that only opens a shell or a language prompt: nothing runs by default, the image is a base to build on
    /// or to run commands in (the CMD of the official language images).
    /// </summary>
    public static ImmutableHashSet<string> InteractiveCommands { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "bash", "sh", "ash", "zsh", "fish", "pwsh", "powershell", "cmd", "python", "python2", "python3", "pypy", "pypy3", "node", "irb",
        "php", "jshell", "julia", "ghci", "erl", "iex", "R", "lua", "perl", "ruby", "groovysh", "scala", "clojure", "swift");

    /// <summary>
    /// Words in a Dockerfile's path (directory segments, or tokens of its file name split at <c>.-_</c>) and in its final
    /// stage's name that tell its role. Measured on the shared corpus: <c>build/</c> as a folder and <c>examples/</c>
    /// hold leaf apps as often as not, so they are not here.
    /// </summary>
    public static ImmutableArray<NameRule> Names { get; } =
    [
        new(ImageRole.TestFixture, NamePlace.Directory, ["test", "tests", "testdata", "test-data", "testing", "fixtures", "fixture", "e2e", "__tests__", "integration-tests", "integration_tests"]),
        new(ImageRole.TestFixture, NamePlace.FileName, ["test", "tests", "e2e", "fixture"]),
        new(ImageRole.TestFixture, NamePlace.StageName, ["test", "tests", "testing", "e2e"]),
        new(ImageRole.BaseImage, NamePlace.Directory, ["base", "base-image", "base-images", "baseimage"]),
        new(ImageRole.BaseImage, NamePlace.FileName, ["base"]),
        new(ImageRole.BuildImage, NamePlace.Directory, [".devcontainer", "devcontainer", ".ci", "ci", ".github", ".gitlab", ".circleci", ".kokoro", ".buildkite", "hack"]),
        new(ImageRole.BuildImage, NamePlace.FileName, ["dev", "devel", "develop", "development", "ci", "builder", "build", "devcontainer", "gitpod", "toolchain", "cross", "dapper"]),
        new(ImageRole.BuildImage, NamePlace.StageName, ["dev", "devel", "development", "ci", "builder", "build", "devcontainer", "toolchain"]),
    ];

    /// <summary>
    /// Images whose own CMD is a server that serves what a Dockerfile copies in: a final stage FROM them without a
    /// command of its own is still an application (a site on nginx, a war on tomcat, a function app).
    /// </summary>
    public static ImmutableArray<string> ServingImages { get; } =
    [
        "nginx", "nginxinc/nginx-unprivileged", "httpd", "caddy", "tomcat", "jetty", "wildfly", "openresty/openresty",
        "haproxy", "traefik", "php", "wordpress", "drupal", "mcr.microsoft.com/azure-functions", "mcr.microsoft.com/appsvc",
        "gcr.io/distroless", "grafana/grafana", "tiangolo", "prom/prometheus", "envoyproxy/envoy",
    ];

    /// <summary>Images that are compilers and build tools: a final stage FROM them without a command is a builder.</summary>
    public static ImmutableArray<string> ToolchainImages { get; } =
    [
        "golang", "rust", "gcc", "maven", "gradle", "buildpack-deps", "mcr.microsoft.com/dotnet/sdk", "clang", "swift", "sbt",
        "docker", "library/docker",
    ];
}

/// <summary>Where a <see cref="NameRule"/> looks.</summary>
public enum NamePlace
{
    /// <summary>A directory segment of the Dockerfile's path in its repository.</summary>
    Directory,

    /// <summary>A token of the file name split at '.', '-' and '_' (<c>Dockerfile.dev</c>, <c>ci.Dockerfile</c>).</summary>
    FileName,

    /// <summary>The final stage's <c>AS name</c>, split the same way.</summary>
    StageName,
}

/// <summary>Words that, found in <see cref="Place"/>, point to <see cref="Role"/>.</summary>
public sealed record NameRule(ImageRole Role, NamePlace Place, ImmutableArray<string> Words);