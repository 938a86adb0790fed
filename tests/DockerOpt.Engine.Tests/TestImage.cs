using DockerOpt.Engine.Engines;

namespace DockerOpt.Engine.Tests;

/// <summary>
/// A small image built on the real engine from an inline Dockerfile for one test, removed afterwards.
/// Builds reuse the local stand-in base images, so nothing is pulled.
/// </summary>
public sealed class TestImage : IAsyncDisposable
{
    private readonly TempDirectory _context;

    private TestImage(ContainerEngine engine, string tag, TempDirectory context)
    {
        Engine = engine;
        Tag = tag;
        _context = context;
    }

    public ContainerEngine Engine { get; }

    public string Tag { get; }

    public static async Task<TestImage> BuildAsync(string dockerfile, IReadOnlyDictionary<string, string>? files = null)
    {
        var engine = new ContainerEngine(new EngineOptions());
        var context = new TempDirectory();
        context.Write("Dockerfile", dockerfile);
        foreach (var (path, content) in files ?? new Dictionary<string, string>())
        {
            context.Write(path, content);
        }

        var tag = "dockeropt-test/" + Guid.NewGuid().ToString("N")[..10] + ":latest";
        var result = await engine.BuildAsync(
            new BuildRequest(Path.Combine(context.Path, "Dockerfile"), context.Path, tag),
            TimeSpan.FromMinutes(5));
        if (!result.Succeeded)
        {
            context.Dispose();
            throw new InvalidOperationException($"test image did not build: {result.LogTail}");
        }

        return new TestImage(engine, tag, context);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.RemoveImageAsync(Tag);
        _context.Dispose();
    }
}