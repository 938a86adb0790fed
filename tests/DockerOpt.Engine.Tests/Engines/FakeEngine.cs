namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// A fake `docker` client: a shell script that records its arguments (one per line) and answers with the
/// given standard error, standard output and exit code. Only for argument passing and error mapping; it
/// proves nothing about a real engine.
/// </summary>
public sealed class FakeEngine : IDisposable
{
    private readonly TempDirectory _directory = new();

    public FakeEngine(string script)
    {
        ExecutablePath = Path.Combine(_directory.Path, "docker");
        File.WriteAllText(ExecutablePath, "#!/bin/sh\nprintf '%s\\n' \"$@\" >> \"$(dirname \"$0\")/calls.log\"\necho '---' >> \"$(dirname \"$0\")/calls.log\"\n" + script + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the fake engine is a POSIX shell script");
        }

        File.SetUnixFileMode(ExecutablePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string ExecutablePath { get; }

    /// <summary>The argument lists of every call so far.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Calls()
    {
        var log = Path.Combine(_directory.Path, "calls.log");
        if (!File.Exists(log))
        {
            return [];
        }

        var calls = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in File.ReadAllLines(log))
        {
            if (line == "---")
            {
                calls.Add(current);
                current = [];
            }
            else
            {
                current.Add(line);
            }
        }

        return calls;
    }

    public void Dispose() => _directory.Dispose();
}