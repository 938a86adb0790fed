using System.Diagnostics;

namespace DockerOpt.Cli.Tests.Support;

/// <summary>
/// Runs the real <c>dockeropt</c> program as a separate process (for what only a process has: signals, exit codes
/// as the shell sees them) with a fake <c>docker</c> first on PATH. The fake is a shell script that logs each call
/// as one line and then runs the given script; it proves the CLI's side, nothing about a real engine.
/// </summary>
public sealed class DockeroptProcess
{
    private readonly CliSandbox _sandbox;

    public DockeroptProcess(CliSandbox sandbox, string fakeDockerScript)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        _sandbox = sandbox;
        Directory.CreateDirectory(TempDirectory);
        sandbox.Write("fake-bin/docker", $"#!/bin/sh\necho \"$*\" >> '{CallLog}'\n{fakeDockerScript}\n");
        File.SetUnixFileMode(sandbox.PathOf("fake-bin/docker"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Every call of the fake docker so far, one line of arguments each.</summary>
    public string CallLog => _sandbox.PathOf("docker-calls.log");

    /// <summary>TMPDIR of the process, to see what temp files it leaves behind.</summary>
    public string TempDirectory => _sandbox.PathOf("tmp");

    public IReadOnlyList<string> Calls() => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    public Process Start(params string[] arguments)
    {
        // The test project references the CLI, so dockeropt.dll sits next to the tests; it runs on the same dotnet host.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _sandbox.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dockeropt.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = _sandbox.PathOf("fake-bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["TMPDIR"] = TempDirectory;
        return Process.Start(start) ?? throw new InvalidOperationException("dockeropt did not start");
    }

    /// <summary>Runs to the end and returns what it printed and its exit code.</summary>
    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(patience.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}