using System.Diagnostics;

namespace DockerOpt.Cli.Tests.Support;

/// <summary>
/// Runs the real <c>dockeropt</c> program as the unprivileged user <c>nobody</c> (uid 65534), through util-linux's
/// <c>setpriv</c>. The tests run as root here and in CI, and root reads and lists through any chmod, so a permission
/// error is only real for another user. The program is copied once to a folder every user may read (the checkout may
/// sit below a folder only root can enter). When the tests do not run as root, the current user is unprivileged
/// already and the program runs as it is.
/// </summary>
public static class UnprivilegedDockeropt
{
    private const string Nobody = "65534";
    private static readonly Lazy<(string? App, string? SkipReason)> Setup = new(Prepare);

    /// <summary>Null when such a run is possible; otherwise why the tests that need one are skipped.</summary>
    public static string? SkipReason => Setup.Value.SkipReason;

    /// <summary>Runs dockeropt with <paramref name="arguments"/> in <paramref name="workingDirectory"/> as nobody.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var app = Setup.Value.App ?? throw new InvalidOperationException(SkipReason);
        using var process = Process.Start(StartInfo(app, workingDirectory, arguments)) ?? throw new InvalidOperationException("dockeropt did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(patience.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static ProcessStartInfo StartInfo(string app, string workingDirectory, IEnumerable<string> arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string[] command = IsRoot
            ? ["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", dotnet, Path.Combine(app, "dockeropt.dll"), .. arguments]
            : [dotnet, Path.Combine(app, "dockeropt.dll"), .. arguments];
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // nobody has no home; nothing dockeropt does needs one.
        start.Environment["HOME"] = Path.GetTempPath();
        return start;
    }

    private static (string? App, string? SkipReason) Prepare()
    {
        var built = AppContext.BaseDirectory;
        if (!IsRoot)
        {
            return (built, null);
        }

        var app = Path.Combine(Path.GetTempPath(), $"dockeropt-unprivileged-{Environment.ProcessId}");
        Directory.CreateDirectory(app);
        foreach (var file in Directory.EnumerateFiles(built).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("dockeropt.", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)), overwrite: true);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(app, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        };
        try
        {
            using var probe = Process.Start(StartInfo(app, Path.GetTempPath(), ["--version"]))!;
            probe.StandardOutput.ReadToEnd();
            var error = probe.StandardError.ReadToEnd();
            probe.WaitForExit();
            return probe.ExitCode == 0 ? (app, null) : (null, $"dockeropt does not run as uid {Nobody} through setpriv: {error.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"setpriv (util-linux) is needed to run dockeropt as an unprivileged user: {ex.Message}");
        }
    }
}

/// <summary>A fact that runs dockeropt as an unprivileged user; skipped with the reason when that is impossible.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        Skip = UnprivilegedDockeropt.SkipReason;
    }
}

/// <summary>The theory form of <see cref="UnprivilegedFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnprivilegedTheoryAttribute : TheoryAttribute
{
    public UnprivilegedTheoryAttribute()
    {
        Skip = UnprivilegedDockeropt.SkipReason;
    }
}