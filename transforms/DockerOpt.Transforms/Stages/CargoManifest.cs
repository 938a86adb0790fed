using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// What the Rust split reads from a crate's Cargo.toml in the build context: the package name, <c>default-run</c>, the
/// binaries it builds (<c>[[bin]] name</c>, and the ones Cargo discovers: <c>src/main.rs</c> under the package name,
/// <c>src/bin/NAME.rs</c> and <c>src/bin/NAME/main.rs</c>), whether it is a workspace, whether it has dependencies,
/// its build script, and the debug-information settings of its release profile (<c>strip</c>, <c>debug</c> and
/// <c>split-debuginfo</c> in <c>[profile.release]</c> and its <c>package.NAME</c> and <c>build-override</c> tables, dotted
/// keys and inline tables too, as written: <c>strip = true</c>). A line-based reader of the tables it needs: a value it
/// cannot read plainly (inherited from the workspace, multi-line) is left unknown (null), never guessed.
/// </summary>
public sealed record CargoManifest(
    string Path,
    string? PackageName,
    string? DefaultRun,
    ImmutableArray<string> Binaries,
    bool IsWorkspace,
    bool HasDependencies,
    string? BuildScript,
    ImmutableArray<string> ReleaseDebugSettings)
{
    // Profile settings that decide whether a release binary carries debug information.
    private static readonly string[] DebugSettingKeys = ["strip", "debug", "split-debuginfo"];

    /// <summary>The crate's manifest in <paramref name="folder"/> of the context ("" for its root), or null when there is none.</summary>
    public static CargoManifest? Read(IBuildContext context, string folder)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(folder);
        var path = Join(folder, "Cargo.toml");
        if (context.ReadText(path) is not { } text)
        {
            return null;
        }

        string? table = null;
        string? name = null;
        string? defaultRun = null;
        string? build = null;
        var autobins = true;
        var workspace = false;
        var dependencies = false;
        var binaries = new List<string>();
        var debugSettings = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                table = line.Trim('[', ']', ' ');
                workspace |= table == "workspace";
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var written = line[(equals + 1)..].Trim();
            var value = Unquote(written);
            if (ReleaseDebugSetting(table, key, written) is { } setting)
            {
                debugSettings.Add(setting);
            }

            if (table is { } t && (t == "dependencies" || t.StartsWith("dependencies.", StringComparison.Ordinal)
                || (t.StartsWith("target.", StringComparison.Ordinal) && t.EndsWith("dependencies", StringComparison.Ordinal) && !t.EndsWith("dev-dependencies", StringComparison.Ordinal))))
            {
                dependencies = true;
            }

            switch (table, key)
            {
                case ("package", "name"):
                    name = value;
                    break;
                case ("package", "default-run"):
                    defaultRun = value;
                    break;
                case ("package", "autobins") when value == "false":
                    autobins = false;
                    break;
                case ("package", "build"):
                    build = value == "false" ? null : value;
                    break;
                case ("bin", "name"):
                    binaries.Add(value ?? "?");
                    break;
                default:
                    break;
            }
        }

        if (autobins && name is not null && context.FileExists(Join(folder, "src/main.rs")) && !binaries.Contains(name))
        {
            binaries.Add(name);
        }

        if (autobins)
        {
            foreach (var entry in context.ListDirectory(Join(folder, "src/bin")))
            {
                var stem = entry.EndsWith(".rs", StringComparison.Ordinal) ? entry[..^3]
                    : context.FileExists(Join(folder, $"src/bin/{entry}/main.rs")) ? entry : null;
                if (stem is not null && !binaries.Contains(stem))
                {
                    binaries.Add(stem);
                }
            }
        }

        build ??= context.FileExists(Join(folder, "build.rs")) ? "build.rs" : null;
        return new CargoManifest(path, name, defaultRun, [.. binaries], workspace && name is null, dependencies, build is null ? null : Join(folder, build), [.. debugSettings]);
    }

    /// <summary>The crate names Cargo.lock lists (<c>name = "openssl-sys"</c> of each package), or null when there is none.</summary>
    public static ImmutableHashSet<string>? LockedCrates(IBuildContext context, string folder)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ReadText(Join(folder, "Cargo.lock")) is not { } text)
        {
            return null;
        }

        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("name = ", StringComparison.Ordinal)).Select(l => Unquote(l["name = ".Length..]) ?? string.Empty)];
    }

    // `strip = true` in [profile.release] (or [profile.release.package."*"]), `release.debug = 2` in [profile],
    // `release = { strip = "none" }`: the setting as written, or null for any other key.
    private static string? ReleaseDebugSetting(string? table, string key, string raw)
    {
        var path = string.Concat((table is null ? key : table + "." + key).Where(c => c is not (' ' or '\t' or '"' or '\'')));
        if (path != "profile.release" && !path.StartsWith("profile.release.", StringComparison.Ordinal))
        {
            return null;
        }

        var last = path[(path.LastIndexOf('.') + 1)..];
        if (DebugSettingKeys.Contains(last))
        {
            return $"{last} = {raw}";
        }

        var compact = string.Concat(raw.Where(c => c is not (' ' or '\t' or '"' or '\'')));
        return compact.StartsWith('{') && DebugSettingKeys.Any(k => compact.Contains('{' + k + '=', StringComparison.Ordinal) || compact.Contains(',' + k + '=', StringComparison.Ordinal))
            ? $"{key} = {raw}"
            : null;
    }

    private static string Join(string folder, string path) => folder.Length == 0 ? path : folder.TrimEnd('/') + "/" + path;

    // A plain "string" or 'string'; null for anything else (a table, `name.workspace = true`, an array).
    private static string? Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            return value[1..^1];
        }

        return value is "true" or "false" ? value : null;
    }

    private static string StripComment(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == '#' && !quoted)
            {
                return line[..i];
            }
        }

        return line;
    }
}