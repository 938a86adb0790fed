using System.Globalization;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// The argument lists handed to the engine's client, one method per operation. Arguments are always a
/// list (never a shell string), so paths and tags with spaces or quotes reach the engine unchanged.
/// </summary>
public static class EngineArguments
{
    /// <summary>
    /// A BuildKit build. With a named builder it goes through <c>buildx build --builder NAME --load</c>, so the
    /// image lands in the local store where it can be saved and run. Podman has no BuildKit progress flag.
    /// With <paramref name="imageIdFile"/> the engine writes the new image's id there (<c>--iidfile</c>, docker and podman).
    /// </summary>
    public static IReadOnlyList<string> Build(EngineOptions options, BuildRequest request, string? imageIdFile = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        var arguments = new List<string>();
        if (options.Kind == EngineKind.Docker && options.Builder is { } builder)
        {
            arguments.AddRange(["buildx", "build", "--builder", builder, "--load"]);
        }
        else
        {
            arguments.Add("build");
        }

        if (options.Kind == EngineKind.Docker)
        {
            arguments.Add("--progress=plain");
        }

        arguments.AddRange(["-f", request.DockerfilePath, "--tag", request.Tag]);
        if (imageIdFile is not null)
        {
            arguments.AddRange(["--iidfile", imageIdFile]);
        }

        if (request.NoCache)
        {
            arguments.Add("--no-cache");
        }

        arguments.Add(request.ContextDirectory);
        return arguments;
    }

    /// <summary>Runs a command in a fresh container and removes it afterwards. Never pulls: only local images count.</summary>
    public static IReadOnlyList<string> Run(string containerName, string image, IReadOnlyList<string> command, ContainerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ["run", "--rm", "--name", containerName, "--pull=never", .. Settings(settings), image, .. command];
    }

    /// <summary>
    /// Starts a container in the background with the probed port published on a free port of
    /// <paramref name="publishInterface"/>: the loopback interface for an engine on this machine
    /// (<c>127.0.0.1::PORT</c>, nothing exposed beyond it), all interfaces of a remote engine's host
    /// (<see cref="ProbeAddress"/>).
    /// </summary>
    public static IReadOnlyList<string> RunDetached(string containerName, string image, int containerPort, ContainerSettings? settings = null, string publishInterface = "127.0.0.1") =>
        ["run", "--detach", "--name", containerName, "--pull=never", "--publish",
            string.Create(CultureInfo.InvariantCulture, $"{publishInterface}::{containerPort}"), .. Settings(settings), image];

    /// <summary>The engine endpoint of the context in force (DOCKER_HOST, --context, DOCKER_CONTEXT or the current one).</summary>
    public static IReadOnlyList<string> ContextEndpoint() => ["context", "inspect", "--format", "{{.Endpoints.docker.Host}}"];

    /// <summary>A buildx builder's driver and nodes, as text (<see cref="BuildxBuilder.Parse"/>).</summary>
    public static IReadOnlyList<string> InspectBuilder(string builder) => ["buildx", "inspect", builder];

    /// <summary>Asks which host address the container port was published on.</summary>
    public static IReadOnlyList<string> Port(string containerName, int containerPort) =>
        ["port", containerName, string.Create(CultureInfo.InvariantCulture, $"{containerPort}/tcp")];

    public static IReadOnlyList<string> Logs(string containerName, int tailLines) =>
        ["logs", "--tail", tailLines.ToString(CultureInfo.InvariantCulture), containerName];

    /// <summary>
    /// Removes a check container at once. Docker's <c>rm --force</c> kills it; podman's first waits the stop timeout
    /// (10 s) for a server that ignores SIGTERM, so it is told not to wait.
    /// </summary>
    public static IReadOnlyList<string> RemoveContainer(string containerName, EngineKind kind = EngineKind.Docker) =>
        kind == EngineKind.Podman ? ["rm", "--force", "--time", "0", containerName] : ["rm", "--force", containerName];

    /// <summary>Writes the image as a tar archive to standard output (docker-archive, or OCI layout from Docker 25 on).</summary>
    public static IReadOnlyList<string> Save(string image) => ["save", image];

    /// <summary>The runtime configuration (Cmd, Entrypoint, ExposedPorts, User, Env, WorkingDir) as JSON.</summary>
    public static IReadOnlyList<string> InspectConfig(string image) => ["image", "inspect", "--format", "{{json .Config}}", image];

    /// <summary>The image's size as the engine reports it (<c>docker images</c> shows the same figure), in bytes.</summary>
    public static IReadOnlyList<string> ImageSize(string image) => ["image", "inspect", "--format", "{{.Size}}", image];

    /// <summary>The full ids of every image in the engine, intermediate ones included, one per line.</summary>
    public static IReadOnlyList<string> ImageIds() => ["images", "--all", "--quiet", "--no-trunc"];

    /// <summary>The tags an image (named by id) still has, as a JSON array.</summary>
    public static IReadOnlyList<string> ImageTags(string image) => ["image", "inspect", "--format", "{{json .RepoTags}}", image];

    /// <summary>Removes a tag dockeropt created (other tags of the same image are left alone).</summary>
    public static IReadOnlyList<string> RemoveImage(string image) => ["image", "rm", "--force", image];

    /// <summary>
    /// Removes an image by id without <c>--force</c>: the engine refuses while a container uses it or while it has
    /// tags in more than one repository, so an image someone else also holds survives.
    /// </summary>
    public static IReadOnlyList<string> RemoveImageById(string imageId) => ["image", "rm", imageId];

    /// <summary>A cheap call that needs the daemon, to tell "no engine" from "no daemon" before any build starts.</summary>
    public static IReadOnlyList<string> ServerVersion(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind == EngineKind.Podman
            ? ["info", "--format", "{{.Version.Version}}"]
            : ["version", "--format", "{{.Server.Version}}"];
    }

    private static IEnumerable<string> Settings(ContainerSettings? settings)
    {
        foreach (var variable in settings?.Environment ?? [])
        {
            yield return "--env";
            yield return variable;
        }

        foreach (var file in settings?.EnvironmentFiles ?? [])
        {
            yield return "--env-file";
            yield return file;
        }
    }
}