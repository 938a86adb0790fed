using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Stages;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// Whether a build reads the git repository of its context, so <c>.git</c> must stay in it. Only git commands that read
/// a repository count (<c>git describe</c>, <c>rev-parse</c>, <c>status</c>, <c>log</c>...; <see cref="CommandRecognizer"/>
/// says which), and only where that repository can be the context's: not in a folder a <c>git clone</c> or
/// <c>git init</c> made (by <c>cd</c>, <c>-C</c> or WORKDIR), and only when the Dockerfile brings <c>.git</c> into the
/// build at all (<c>COPY . </c>, a bind mount of the context, or <c>.git</c> itself). RUN text, heredoc bodies,
/// <c>$(...)</c>, <c>sh -c '...'</c>, the insides of if/for/while, and scripts from the context that a RUN executes
/// are read. So is a Python project that takes its version from git (setuptools_scm, versioneer...).
/// </summary>
public static class GitUse
{
    private const int MaxDepth = 4;
    private const int MaxScriptChars = 256 * 1024;

    private static readonly string[] VersionFromGit = ["setuptools_scm", "setuptools-scm", "versioneer", "hatch-vcs", "dunamai", "poetry-dynamic-versioning"];
    private static readonly HashSet<string> Shells = ["sh", "bash", "ash", "dash", "zsh", "ksh", "source", "."];
    private static readonly HashSet<string> CompoundWords = ["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "{", "}", "!"];

    /// <summary>
    /// Why the build needs the context's <c>.git</c> (naming the instruction by <paramref name="lineOf"/>), or null
    /// when nothing it runs reads it.
    /// </summary>
    public static string? Reason(DockerfileModel model, IReadOnlyList<ContextSource> sources, IBuildContext context, Func<InstructionSyntax, int> lineOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lineOf);
        if (!sources.Any(BringsGit))
        {
            return null;
        }

        foreach (var stage in model.Stages)
        {
            var repositories = new List<string?>();

            // The working directory as the stage's WORKDIRs move it (Workdirs.At), followed in one walk: asked for each
            // RUN, At scanned the stage from its start, n² in a stage of many RUNs.
            string? workdir = Workdirs.ImageDefault;
            foreach (var run in stage.Instructions)
            {
                if (run.Kind == InstructionKind.Workdir && run.Arguments is WordArguments { Words: [var word] })
                {
                    workdir = workdir is null ? null : Workdirs.Combine(workdir, word.Value);
                }

                if (run.Kind != InstructionKind.Run)
                {
                    continue;
                }

                var scan = new Scan(context, sources, repositories, workdir, model.ParseShell);
                foreach (var text in ScriptsOf(run))
                {
                    if (scan.FirstRead(text, 0) is { } found)
                    {
                        var where = found.Script is null ? string.Empty : $" in {found.Script}, which it runs,";
                        return $"the RUN on line {lineOf(run)}{where} runs 'git {found.Verb}' on the context's repository";
                    }
                }
            }
        }

        foreach (var file in (string[])["pyproject.toml", "setup.py", "setup.cfg"])
        {
            var text = context.ReadText(file);
            if (text is not null && VersionFromGit.FirstOrDefault(marker => text.Contains(marker, StringComparison.Ordinal)) is { } marker)
            {
                return $"{file} takes the version from git ({marker})";
            }
        }

        return null;
    }

    /// <summary>The source can bring the context's <c>.git</c> into the build.</summary>
    public static bool BringsGit(ContextSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Path is not { } path
            || path == "." || path == ".git" || path.StartsWith(".git/", StringComparison.Ordinal)
            || (source.IsGlob && IgnorePattern.TryCreate(path.Split('/')[0])?.Matches(".git") == true);
    }

    private static IEnumerable<string> ScriptsOf(InstructionSyntax run)
    {
        switch (run.Arguments)
        {
            case ShellFormArguments shell:
                yield return shell.CommandText;
                break;
            case ExecFormArguments exec:
                yield return string.Join(' ', exec.Values.Select(Quote));
                break;
            default:
                break;
        }

        foreach (var heredoc in run.Heredocs)
        {
            yield return heredoc.EffectiveContent;
        }
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private sealed record Found(string Verb, string? Script);

    /// <summary>One RUN's walk: the working directory as cd moves it, and the repositories clone/init made in the stage.</summary>
    private sealed class Scan(IBuildContext context, IReadOnlyList<ContextSource> sources, List<string?> repositories, string? workdir, Func<string, ShellScript> parse)
    {
        private string? directory = workdir;
        private bool clonedHere;
        private string? script;

        public Found? FirstRead(string text, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            // The model's shared parse: the same script ShellParser.Parse gives, read once per rewrite.
            var parsed = parse(text);
            foreach (var entry in parsed.Commands)
            {
                var found = entry.Node switch
                {
                    ShellSimpleCommand simple => Visit(simple, depth),
                    ShellOpaqueCommand opaque => FirstRead(WithoutCompoundWords(opaque.Text), depth + 1),
                    _ => null,
                };
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        private Found? Visit(ShellSimpleCommand command, int depth)
        {
            // $(git describe) runs before the command around it.
            foreach (var inner in Substitutions(command.Text))
            {
                if (FirstRead(inner, depth + 1) is { } found)
                {
                    return found;
                }
            }

            switch (CommandRecognizer.Recognize(command))
            {
                case GitCommand { Use: GitRepositoryUse.Creates } created:
                    repositories.Add(created.NewRepository is null ? null : Combine(Directory(created), created.NewRepository));
                    clonedHere = true;
                    return null;
                case GitCommand { Use: GitRepositoryUse.Reads } read when !InNewRepository(read):
                    return new Found(read.Verb, script);
                case ChangeDirectoryCommand change:
                    directory = change.Directory?.Value is { } to && directory is not null ? Workdirs.Combine(directory, to) : null;
                    return null;
                default:
                    return RunsScript(command, depth);
            }
        }

        private string? Directory(GitCommand git) =>
            git.Directory is null ? directory : Combine(directory, git.Directory);

        private static string? Combine(string? from, string path) =>
            path.Contains('$', StringComparison.Ordinal) ? null
            : path.StartsWith('/') ? Workdirs.Combine("/", path)
            : from is null ? null : Workdirs.Combine(from, path);

        // A command whose folder is unknown after a clone in the same RUN ('cd "$(basename $URL)"') is taken to be in it.
        private bool InNewRepository(GitCommand git)
        {
            var at = Directory(git);
            if (at is null)
            {
                return clonedHere || (repositories.Count > 0 && git.Directory is not null);
            }

            return repositories.Any(r => r is not null && (at == r || at.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal)));
        }

        // ./build.sh, /usr/local/bin/entry.sh, sh -c '...', bash scripts/version.sh: read what the context holds.
        private Found? RunsScript(ShellSimpleCommand command, int depth)
        {
            var words = command.Words.Select(w => w.Value).ToList();
            if (words.Count == 0 || words[0] is not { } name)
            {
                return null;
            }

            var baseName = name[(name.LastIndexOf('/') + 1)..];
            string? path = null;
            if (Shells.Contains(baseName))
            {
                var dashC = words.IndexOf("-c");
                if (dashC > 0 && dashC + 1 < words.Count && words[dashC + 1] is { } inline)
                {
                    return FirstRead(inline, depth + 1);
                }

                path = words.Skip(1).FirstOrDefault(w => w is not null && !w.StartsWith('-'));
            }
            else if (name.Contains('/', StringComparison.Ordinal) || name.EndsWith(".sh", StringComparison.Ordinal))
            {
                path = name;
            }

            if (path is null || ScriptInContext(path) is not { } inContext || context.ReadText(inContext) is not { Length: <= MaxScriptChars } text)
            {
                return null;
            }

            var outer = script;
            script = inContext;
            var found = FirstRead(text, depth + 1);
            script = outer;
            return found;
        }

        // The file a RUN executes, found in the context: a COPY source of that name, or the path itself under COPY . .
        private string? ScriptInContext(string path)
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            foreach (var source in sources)
            {
                if (source.Path is { } copied && !source.IsGlob && (copied == name || copied.EndsWith("/" + name, StringComparison.Ordinal)) && context.FileExists(copied))
                {
                    return copied;
                }
            }

            if (!sources.Any(s => s.Path == "."))
            {
                return null;
            }

            var segments = path.TrimStart('.', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var skip = 0; skip < segments.Length; skip++)
            {
                var candidate = string.Join('/', segments.Skip(skip));
                if (context.FileExists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static string WithoutCompoundWords(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var line in text.Split('\n'))
            {
                foreach (var word in line.Split([' ', '\t']))
                {
                    var bare = word.TrimEnd(';');
                    builder.Append(CompoundWords.Contains(bare) ? ";" : word).Append(' ');
                }

                builder.Append('\n');
            }

            return builder.ToString();
        }

        // The texts inside $( ... ) and ` ... `, outermost first, with nesting balanced.
        private static IEnumerable<string> Substitutions(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '(' && (i + 2 >= text.Length || text[i + 2] != '('))
                {
                    var depth = 0;
                    for (var j = i + 1; j < text.Length; j++)
                    {
                        depth += text[j] == '(' ? 1 : text[j] == ')' ? -1 : 0;
                        if (depth == 0)
                        {
                            yield return text[(i + 2)..j];
                            i = j;
                            break;
                        }
                    }
                }
                else if (text[i] == '`' && text.IndexOf('`', i + 1) is var close and > 0)
                {
                    yield return text[(i + 1)..close];
                    i = close;
                }
            }
        }
    }
}