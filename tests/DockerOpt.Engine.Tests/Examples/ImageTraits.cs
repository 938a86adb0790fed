using System.Collections.Immutable;
using System.Formats.Tar;
using System.Globalization;

namespace DockerOpt.Engine.Tests.Examples;

/// <summary>
/// What a reviewer compares between the rewrite and the expert image, read from the engine: the size
/// <c>docker images</c> shows, the user, NODE_ENV, the program that runs as PID 1, and the files the runtime user
/// could change (owned by it, or writable by anyone) outside the places meant for writing (/tmp, /home, /run ...).
/// </summary>
internal sealed record ImageTraits(long Size, string User, string? NodeEnv, string Pid1, ImmutableArray<string> WritableByUser)
{
    // Where a runtime user is expected to write: its home, temp and run folders, and the kernel's file systems.
    private static readonly ImmutableArray<string> WritablePlaces = ["tmp/", "var/tmp/", "home/", "run/", "proc/", "sys/", "dev/"];

    public static async Task<ImageTraits> ReadAsync(string image, ExampleSmokeCheck smoke, string scratchDirectory)
    {
        var inspect = await DockerCli.RunAsync("docker", ["image", "inspect", "-f", "{{.Size}}|{{.Config.User}}|{{json .Config.Env}}", image], DockerCli.ShortTimeout);
        Assert.True(inspect.ExitCode == 0, $"docker image inspect {image}: {inspect.StandardError}");
        var parts = inspect.StandardOutput.Trim().Split('|', 3);
        var env = System.Text.Json.JsonSerializer.Deserialize<string[]>(parts[2]) ?? [];
        var nodeEnv = env.Where(e => e.StartsWith("NODE_ENV=", StringComparison.Ordinal)).Select(e => e["NODE_ENV=".Length..]).LastOrDefault();
        var user = parts[1];
        return new ImageTraits(
            long.Parse(parts[0], CultureInfo.InvariantCulture),
            user,
            nodeEnv,
            await Pid1Async(image, smoke),
            await WritableByAsync(image, user, scratchDirectory));
    }

    // The command name of the container's PID 1 once the app answers its smoke check (an entrypoint script has exec'd by then).
    private static async Task<string> Pid1Async(string image, ExampleSmokeCheck smoke)
    {
        var name = "dockeropt-traits-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var started = await DockerCli.RunAsync("docker", ["run", "-d", "--name", name, "-p", $"127.0.0.1::{smoke.Port.ToString(CultureInfo.InvariantCulture)}", image], DockerCli.ShortTimeout);
            Assert.True(started.ExitCode == 0, $"{image} did not start: {started.StandardError}");
            for (var attempt = 0; attempt < 40; attempt++)
            {
                var pid = (await DockerCli.RunAsync("docker", ["inspect", "-f", "{{.State.Pid}}", name], DockerCli.ShortTimeout)).StandardOutput.Trim();
                var top = await DockerCli.RunAsync("docker", ["top", name, "-o", "pid,comm"], DockerCli.ShortTimeout);
                var row = top.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                    .Select(line => line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .FirstOrDefault(columns => columns.Length == 2 && columns[0] == pid);
                if (row is not null && row[1] is not ("sh" or "bash" or "docker-entrypoi"))
                {
                    return row[1];
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            return "(still a shell after 10 s)";
        }
        finally
        {
            await DockerCli.RemoveQuietlyAsync("rm", "-f", name);
        }
    }

    // Files of the image (outside WritablePlaces) that the user owns or anyone may write, as 'path (reason)'.
    private static async Task<ImmutableArray<string>> WritableByAsync(string image, string user, string scratchDirectory)
    {
        var name = "dockeropt-traits-" + Guid.NewGuid().ToString("N")[..12];
        var tar = Path.Combine(scratchDirectory, name + ".tar");
        try
        {
            var created = await DockerCli.RunAsync("docker", ["create", "--name", name, image], DockerCli.ShortTimeout);
            Assert.True(created.ExitCode == 0, $"docker create {image}: {created.StandardError}");
            var exported = await DockerCli.RunAsync("docker", ["export", "-o", tar, name], DockerCli.ShortTimeout);
            Assert.True(exported.ExitCode == 0, $"docker export {image}: {exported.StandardError}");

            var entries = new List<(string Path, int Uid, UnixFileMode Mode, TarEntryType Type)>();
            string? passwd = null;
            await using (var stream = File.OpenRead(tar))
            {
                using var reader = new TarReader(stream);
                while (await reader.GetNextEntryAsync() is { } entry)
                {
                    var path = entry.Name.TrimStart('.', '/');
                    if (path == "etc/passwd" && entry.DataStream is { } data)
                    {
                        using var text = new StreamReader(data);
                        passwd = await text.ReadToEndAsync();
                    }

                    entries.Add((path, entry is PosixTarEntry posix ? posix.Uid : 0, entry.Mode, entry.EntryType));
                }
            }

            var uid = Uid(user, passwd);
            return
            [
                .. entries
                    .Where(e => e.Path.Length > 0 && !WritablePlaces.Any(p => e.Path.StartsWith(p, StringComparison.Ordinal) || e.Path + "/" == p))
                    .Where(e => e.Type is not TarEntryType.SymbolicLink)
                    .Select(e => (e.Path, Why: uid is { } owner && owner != 0 && e.Uid == owner ? "owned by the user"
                        : (e.Mode & UnixFileMode.OtherWrite) != 0 && (e.Mode & UnixFileMode.StickyBit) == 0 ? "writable by anyone" : null))
                    .Where(e => e.Why is not null)
                    .Select(e => $"/{e.Path} ({e.Why})"),
            ];
        }
        finally
        {
            await DockerCli.RemoveQuietlyAsync("rm", "-f", name);
            File.Delete(tar);
        }
    }

    // The numeric uid of USER (name or number, with or without a group), through the image's own /etc/passwd.
    private static int? Uid(string user, string? passwd)
    {
        var name = user.Split(':')[0];
        if (name.Length == 0)
        {
            return 0;
        }

        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var line = (passwd ?? string.Empty).Split('\n').Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 2 && f[0] == name);
        return line is not null && int.TryParse(line[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;
    }
}