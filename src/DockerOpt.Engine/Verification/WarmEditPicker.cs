namespace DockerOpt.Engine.Verification;

/// <summary>
/// Picks the source file a warm-rebuild measurement edits: a source file of the app, never a dependency
/// manifest or lock file (editing those would rightly invalidate the dependency layers), preferring the
/// likely entry point (main, app, server, index) and shallow paths. Knows how to write a harmless comment
/// line in each language it picks.
/// </summary>
public static class WarmEditPicker
{
    private static readonly Dictionary<string, (string Open, string Close)> CommentSyntax = new(StringComparer.OrdinalIgnoreCase)
    {
        [".go"] = ("//", ""),
        [".js"] = ("//", ""),
        [".mjs"] = ("//", ""),
        [".cjs"] = ("//", ""),
        [".ts"] = ("//", ""),
        [".tsx"] = ("//", ""),
        [".jsx"] = ("//", ""),
        [".java"] = ("//", ""),
        [".kt"] = ("//", ""),
        [".c"] = ("//", ""),
        [".h"] = ("//", ""),
        [".cc"] = ("//", ""),
        [".cpp"] = ("//", ""),
        [".cs"] = ("//", ""),
        [".rs"] = ("//", ""),
        [".swift"] = ("//", ""),
        [".scala"] = ("//", ""),
        [".dart"] = ("//", ""),
        [".php"] = ("//", ""),
        [".py"] = ("#", ""),
        [".rb"] = ("#", ""),
        [".sh"] = ("#", ""),
        [".pl"] = ("#", ""),
        [".r"] = ("#", ""),
        [".ex"] = ("#", ""),
        [".exs"] = ("#", ""),
        [".lua"] = ("--", ""),
        [".sql"] = ("--", ""),
        [".html"] = ("<!--", " -->"),
        [".css"] = ("/*", " */"),
    };

    private static readonly HashSet<string> Manifests = new(StringComparer.OrdinalIgnoreCase)
    {
        "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "go.mod", "go.sum",
        "requirements.txt", "pyproject.toml", "poetry.lock", "Pipfile", "Pipfile.lock", "setup.py", "setup.cfg",
        "Gemfile", "Gemfile.lock", "Cargo.toml", "Cargo.lock", "pom.xml", "build.gradle", "composer.json", "composer.lock",
    };

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", "node_modules", "vendor", "__pycache__", ".venv", "venv", "dist", "build", "target", ".idea", ".vscode",
    };

    private static readonly string[] EntryPointNames = ["main", "app", "server", "index", "__main__", "cmd"];

    /// <summary>The chosen file relative to <paramref name="contextDirectory"/> (with <c>/</c>), or null when none fits.</summary>
    public static string? Pick(string contextDirectory)
    {
        return Candidates(contextDirectory, "")
            .OrderBy(static path => EntryPointRank(path))
            .ThenBy(static path => path.Count(static c => c == '/'))
            .ThenBy(static path => path, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Whether dockeropt knows how to write a comment in this file.</summary>
    public static bool CanEdit(string path) => CommentSyntax.ContainsKey(Path.GetExtension(path));

    /// <summary>The file's text with one comment line appended that carries <paramref name="token"/>.</summary>
    public static string AppendComment(string path, string content, string token)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (open, close) = CommentSyntax[Path.GetExtension(path)];
        var newline = content.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = content.Length == 0 || content.EndsWith('\n') ? "" : newline;
        return $"{content}{separator}{open} dockeropt warm-rebuild probe {token}{close}{newline}";
    }

    private static int EntryPointRank(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var index = Array.FindIndex(EntryPointNames, name => string.Equals(name, stem, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? EntryPointNames.Length : index;
    }

    private static IEnumerable<string> Candidates(string root, string relative)
    {
        var directory = Path.Combine(root, relative);
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.') && !Manifests.Contains(name) && !name.Contains("Dockerfile", StringComparison.OrdinalIgnoreCase) && CanEdit(name))
            {
                yield return relative.Length == 0 ? name : relative + "/" + name;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(sub);
            if (!name.StartsWith('.') && !SkippedDirectories.Contains(name))
            {
                foreach (var candidate in Candidates(root, relative.Length == 0 ? name : relative + "/" + name))
                {
                    yield return candidate;
                }
            }
        }
    }
}