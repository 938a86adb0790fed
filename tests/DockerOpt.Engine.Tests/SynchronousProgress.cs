namespace DockerOpt.Engine.Tests;

/// <summary>Records progress on the reporting thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}