using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

using CliWrap;

using DockerOpt.Engine.Errors;
using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// Drives a real container engine (docker or podman) through its command-line client: build, run a
/// smoke command, probe HTTP, save and read an image, inspect its config, remove it. Engine-level
/// failures surface as <see cref="EngineException"/> subclasses, one per cause. The engine may be another
/// host's (DOCKER_HOST, a Docker context, the engine a buildx builder loads into): every command carries the
/// <see cref="EngineConnection"/>'s global arguments, so builds, checks and clean-up all happen there.
/// </summary>
public sealed class ContainerEngine
{
    private static readonly TimeSpan ShortCommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SaveTimeout = TimeSpan.FromMinutes(15);
    private readonly EngineCommandRunner _runner;
    private readonly Lazy<Task<EngineConnection>> _connection;
    private ProbeAddress? _probeAddress;

    public ContainerEngine(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _runner = new EngineCommandRunner(options);

        // Resolved once for every caller; the short commands it runs have their own timeout, so no caller's
        // cancellation may leave a cancelled answer behind for the others.
        _connection = new Lazy<Task<EngineConnection>>(() => ResolveConnectionAsync(CancellationToken.None));
    }

    public EngineOptions Options { get; }

    /// <summary>
    /// Where this engine is and what every command needs to reach it: the Docker context (given, or the one whose
    /// engine a <c>docker</c>-driver builder loads into). Asked once, at the first command.
    /// </summary>
    public Task<EngineConnection> ConnectAsync(CancellationToken cancellationToken = default) =>
        _connection.Value.WaitAsync(cancellationToken);

    /// <summary>Where the HTTP probe publishes and connects, from the endpoint the client reports for this engine.</summary>
    public async Task<ProbeAddress> GetProbeAddressAsync(CancellationToken cancellationToken = default)
    {
        if (Options.Kind == EngineKind.Podman)
        {
            // podman drives the local store (rootful or rootless); remote podman (CONTAINER_HOST) is not supported.
            return ProbeAddress.Loopback;
        }

        if (_probeAddress is { } known)
        {
            return known;
        }

        var endpoint = await RunAsync("asking the client for the engine's endpoint", EngineArguments.ContextEndpoint(), ShortCommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        return _probeAddress = endpoint.ExitCode == 0 ? ProbeAddress.ForEndpoint(endpoint.StandardOutput) : ProbeAddress.Loopback;
    }

    /// <summary>The server's version; fails with the specific error when the client or daemon is missing.</summary>
    public async Task<string> GetServerVersionAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunCheckedAsync("asking the engine for its version", EngineArguments.ServerVersion(Options), ShortCommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        return result.StandardOutput.Trim();
    }

    /// <summary>
    /// Builds an image. A failing build is a result, not an exception (the caller decides whose fault it is);
    /// only engine-level problems and timeouts throw. Whenever the set of running steps changes, it goes to
    /// <paramref name="progress"/>. The result carries the image id the engine wrote with <c>--iidfile</c>.
    /// </summary>
    public async Task<BuildResult> BuildAsync(BuildRequest request, TimeSpan timeout, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var running = new RunningBuildSteps();
        void Observe(string line)
        {
            if (running.Observe(line))
            {
                progress?.Report(new BuildProgress(running.Current));
            }
        }

        var imageIdFile = Path.Combine(Path.GetTempPath(), "dockeropt-iid-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await RunAsync(
                $"building {request.DockerfilePath}",
                EngineArguments.Build(Options, request, imageIdFile),
                timeout,
                cancellationToken,
                onErrorLine: Observe,
                onOutputLine: Observe).ConfigureAwait(false);
            var log = result.StandardError + result.StandardOutput;
            return new BuildResult(result.ExitCode == 0, result.ExitCode, result.Duration, EngineCommandRunner.Tail(log, 12))
            {
                Tag = request.Tag,
                ImageId = ReadImageId(imageIdFile),
            };
        }
        finally
        {
            File.Delete(imageIdFile);
        }
    }

    /// <summary>
    /// Runs <paramref name="command"/> in a fresh container of <paramref name="image"/> (as <c>docker run IMAGE ARGS</c>:
    /// the arguments replace CMD, the ENTRYPOINT stays) and captures its output and exit code.
    /// </summary>
    public async Task<RunResult> RunAsync(string image, IReadOnlyList<string> command, TimeSpan timeout, ContainerSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var name = NewContainerName();
        try
        {
            var result = await RunAsync($"running {image}", EngineArguments.Run(name, image, command, settings), timeout, cancellationToken)
                .ConfigureAwait(false);
            return new RunResult(result.ExitCode, result.StandardOutput, result.StandardError, result.Duration);
        }
        catch (Exception ex) when (ex is EngineTimeoutException or OperationCanceledException)
        {
            // Killing the client does not stop the container.
            await RemoveContainerQuietlyAsync(name).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts <paramref name="image"/> in the background with the probed port published where the probe can reach it
    /// (<see cref="GetProbeAddressAsync"/>: 127.0.0.1 for an engine on this machine, all interfaces of a remote engine's
    /// host), GETs the path there until it answers or <paramref name="timeout"/> passes, then removes the container.
    /// </summary>
    public async Task<HttpProbeResult> ProbeHttpAsync(string image, HttpProbe probe, TimeSpan timeout, ContainerSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var name = NewContainerName();
        try
        {
            var address = await GetProbeAddressAsync(cancellationToken).ConfigureAwait(false);
            var started = await RunAsync($"starting {image}", EngineArguments.RunDetached(name, image, probe.Port, settings, address.PublishInterface), ShortCommandTimeout, cancellationToken)
                .ConfigureAwait(false);
            if (started.ExitCode != 0)
            {
                return new HttpProbeResult(null, $"the container did not start: {EngineCommandRunner.Tail(started.StandardError, 3)}", "");
            }

            var port = await RunCheckedAsync($"finding the published port of {image}", EngineArguments.Port(name, probe.Port), ShortCommandTimeout, cancellationToken)
                .ConfigureAwait(false);
            if (ParseHostPort(port.StandardOutput) is not { } hostPort)
            {
                return new HttpProbeResult(null, $"the engine did not say where port {probe.Port} was published: {port.StandardOutput.Trim()}", "");
            }

            var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{UriHost(address.Host)}:{hostPort}{probe.Path}"));
            var (status, body, failure) = await GetWithRetriesAsync(uri, timeout, cancellationToken).ConfigureAwait(false);
            var logs = await RunAsync($"reading the logs of {image}", EngineArguments.Logs(name, 20), ShortCommandTimeout, cancellationToken)
                .ConfigureAwait(false);
            return new HttpProbeResult(status, failure, EngineCommandRunner.Tail(logs.StandardOutput + logs.StandardError, 10)) { Body = body };
        }
        finally
        {
            await RemoveContainerQuietlyAsync(name).ConfigureAwait(false);
        }
    }

    /// <summary>Streams <c>save IMAGE</c> into <see cref="ImageArchiveReader"/>; nothing is written to disk.</summary>
    public async Task<ImageArchive> ReadImageAsync(string image, CancellationToken cancellationToken = default)
    {
        ImageArchive? archive = null;
        Exception? readFailure = null;
        var target = PipeTarget.Create(async (stream, token) =>
        {
            try
            {
                archive = await ImageArchiveReader.ReadAsync(stream, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or System.Text.Json.JsonException)
            {
                // Decided after the exit code: a failed save (no such image) explains an empty or cut stream better.
                readFailure = ex;
            }
            finally
            {
                // The tar reader stops at the first end-of-archive block; the client may still be writing the rest
                // (the second zero block, padding). Closing the pipe then kills it with SIGPIPE (exit 141) and a
                // complete read would be reported as a failed save, so the rest is read and dropped.
                await stream.CopyToAsync(Stream.Null, token).ConfigureAwait(false);
            }
        });
        var operation = $"saving {image}";
        try
        {
            await RunCheckedAsync(operation, EngineArguments.Save(image), SaveTimeout, cancellationToken, target).ConfigureAwait(false);
        }
        catch (EngineCommandFailedException ex) when (ImageNotFoundException.Describes(ex.EngineMessage))
        {
            throw new ImageNotFoundException(image, Options.Kind == EngineKind.Podman ? "podman" : "docker", ex.EngineMessage);
        }
        if (readFailure is not null)
        {
            throw new EngineCommandFailedException(operation, 0, $"the engine's archive could not be read: {readFailure.Message}");
        }

        return archive ?? throw new EngineCommandFailedException(operation, 0, "the engine wrote no archive");
    }

    /// <summary>The image's runtime configuration as the engine reports it.</summary>
    public async Task<ImageConfig> InspectConfigAsync(string image, CancellationToken cancellationToken = default)
    {
        var result = await RunCheckedAsync($"inspecting {image}", EngineArguments.InspectConfig(image), ShortCommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        using var document = JsonDocument.Parse(result.StandardOutput);
        return ImageConfig.FromJson(document.RootElement);
    }

    /// <summary>The image's size in bytes as the engine reports it: the figure <c>docker images</c> shows.</summary>
    public async Task<long> GetImageSizeAsync(string image, CancellationToken cancellationToken = default)
    {
        var result = await RunCheckedAsync($"asking the size of {image}", EngineArguments.ImageSize(image), ShortCommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        return long.TryParse(result.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? size
            : throw new EngineCommandFailedException($"asking the size of {image}", 0, $"the engine answered '{result.StandardOutput.Trim()}', not a number of bytes");
    }

    /// <summary>The full ids of every image in the engine now.</summary>
    public async Task<IReadOnlySet<string>> ListImageIdsAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await RunCheckedAsync("listing the images", EngineArguments.ImageIds(), ShortCommandTimeout, cancellationToken).ConfigureAwait(false);
                return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            }
            catch (EngineCommandFailedException error) when (attempt < ListAttempts && error.Message.Contains("image not known", StringComparison.Ordinal))
            {
                // podman lists images, then inspects each one; an image another build or `rmi` removes in between fails
                // the whole listing ("checking if image ... is dangling: ... image not known"). The next listing does
                // not see that image any more.
            }
        }
    }

    // Listing again after podman's race with a removal; each try is one short command.
    private const int ListAttempts = 3;

    /// <summary>Removes a tag; a tag that is already gone is not an error.</summary>
    public async Task RemoveImageAsync(string image, CancellationToken cancellationToken = default)
    {
        await RunAsync($"removing {image}", EngineArguments.RemoveImage(image), ShortCommandTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the image with this id if no tag names it any more; an image that is gone is not an error. An image
    /// that still has a tag is someone else's too (a build that produced the same image, or a base image that a
    /// Dockerfile did not change) and is left alone. True when it is gone afterwards.
    /// </summary>
    public async Task<bool> RemoveUntaggedImageAsync(string imageId, CancellationToken cancellationToken = default)
    {
        var tags = await RunAsync($"listing the tags of {imageId}", EngineArguments.ImageTags(imageId), ShortCommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (tags.ExitCode != 0)
        {
            return true;
        }

        if (!IsEmptyJsonArray(tags.StandardOutput))
        {
            return false;
        }

        var removed = await RunAsync($"removing {imageId}", EngineArguments.RemoveImageById(imageId), ShortCommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        return removed.ExitCode == 0;
    }

    /// <summary>Parses <c>docker port</c> output (<c>127.0.0.1:49153</c>, possibly one line per address).</summary>
    public static int? ParseHostPort(string portOutput)
    {
        ArgumentNullException.ThrowIfNull(portOutput);
        foreach (var line in portOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.LastIndexOf(':');
            if (colon >= 0 && int.TryParse(line.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
        }

        return null;
    }

    /// <summary>How much of a probe's response body is kept (enough for any <c>--expect</c> a person would type).</summary>
    public const int MaxProbeBodyChars = 64 * 1024;

    private static async Task<(int? Status, string Body, string? Failure)> GetWithRetriesAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var lastFailure = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var response = await client.GetAsync(uri, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return ((int)response.StatusCode, body.Length <= MaxProbeBodyChars ? body : body[..MaxProbeBodyChars], null);
            }
            catch (HttpRequestException ex)
            {
                // Connection refused or reset while the server is still starting.
                lastFailure = ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastFailure = "the request timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        return (null, "", $"{uri} did not answer within {timeout.TotalSeconds:0}s ({lastFailure})");
    }

    private async Task RemoveContainerQuietlyAsync(string name)
    {
        try
        {
            // Cleanup must run even when the caller's token is already cancelled.
            await RunAsync($"removing container {name}", EngineArguments.RemoveContainer(name, Options.Kind), ShortCommandTimeout, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (EngineException)
        {
            // Best effort: the original failure matters more than a leftover container.
        }
    }

    private static string? ReadImageId(string imageIdFile)
    {
        try
        {
            var id = File.ReadAllText(imageIdFile).Trim();
            return id.Length > 0 ? id : null;
        }
        catch (IOException)
        {
            // An engine or builder that writes no id file: clean-up falls back to the tag.
            return null;
        }
    }

    private static bool IsEmptyJsonArray(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind is JsonValueKind.Null || (document.RootElement.ValueKind is JsonValueKind.Array && document.RootElement.GetArrayLength() == 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<EngineCommandResult> RunAsync(
        string operation,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        PipeTarget? standardOutput = null,
        Action<string>? onErrorLine = null,
        Action<string>? onOutputLine = null)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await _runner.RunAsync(operation, [.. connection.GlobalArguments, .. arguments], timeout, cancellationToken, standardOutput, onErrorLine, onOutputLine)
            .ConfigureAwait(false);
    }

    private async Task<EngineCommandResult> RunCheckedAsync(
        string operation, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, PipeTarget? standardOutput = null)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await _runner.RunCheckedAsync(operation, [.. connection.GlobalArguments, .. arguments], timeout, cancellationToken, standardOutput)
            .ConfigureAwait(false);
    }

    private async Task<EngineConnection> ResolveConnectionAsync(CancellationToken cancellationToken)
    {
        if (Options.Kind != EngineKind.Docker)
        {
            return EngineConnection.Default;
        }

        var given = Options.DockerContext is { } context ? new EngineConnection(["--context", context], context) : EngineConnection.Default;
        if (Options.Builder is not { } builderName)
        {
            return given;
        }

        var inspected = await _runner.RunCheckedAsync(
            $"finding the buildx builder {builderName}", [.. given.GlobalArguments, .. EngineArguments.InspectBuilder(builderName)], ShortCommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        var builder = BuildxBuilder.Parse(builderName, inspected.StandardOutput)
            ?? throw new EngineCommandFailedException($"finding the buildx builder {builderName}", 0, $"'docker buildx inspect {builderName}' named no driver");

        // A docker-driver builder is an engine of its own: the images it loads are there, so everything else runs there too.
        return builder.EngineContext is { } engineContext
            ? new EngineConnection(["--context", engineContext], engineContext) { Builder = builder }
            : given with { Builder = builder };
    }

    private static string UriHost(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    private static string NewContainerName() => "dockeropt-" + Guid.NewGuid().ToString("N")[..12];
}