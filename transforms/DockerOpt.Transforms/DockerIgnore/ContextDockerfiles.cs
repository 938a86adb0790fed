using System.Runtime.CompilerServices;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// The other Dockerfiles that build with this context, so a shared <c>.dockerignore</c> is reasoned about for all of
/// them. A build names its context on the command line, which dockeropt cannot see, so it is inferred from the tree:
/// every file named like a Dockerfile (<see cref="DockerfileNames"/>) in the context's listing is read, and it counts as
/// a user of this context when it sits at the context root, or when more of its COPY/ADD sources (other than
/// <c>.</c>) are found from the context root than from its own folder — the nearest folder in which most of its
/// sources exist, ties going to its own folder (the rule the shared corpus's INDEX.tsv was made with). A Dockerfile whose only source is <c>.</c> in a sub-folder is taken to build with its
/// own folder, except for git: one that reads the repository's history can only build where <c>.git</c> is.
/// </summary>
public static class ContextDockerfiles
{
    // Files bigger than this are not Dockerfiles a person wrote.
    private const int MaxChars = 512 * 1024;

    /// <summary>The Dockerfiles of <paramref name="tree"/> other than <paramref name="self"/>, each with whether it uses the context.</summary>
    public static IReadOnlyList<(ContextDockerfile File, bool UsesContext)> Find(IBuildContext context, ContextTree tree, string? self)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tree);
        var all = PerTree.GetValue(tree, t => All(context, t));
        return self is null ? all : [.. all.Where(f => f.File.Path != self)];
    }

    /// <summary>
    /// What <see cref="BuildFacts.Read"/> says of one of these Dockerfiles, read once: every Dockerfile of a folder of many
    /// asked it of all the others, each time (595 files of one folder took minutes to lint, issue 10).
    /// </summary>
    public static BuildFacts FactsOf(ContextDockerfile file, IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        return Facts.GetValue(file, f => BuildFacts.Read(f.Model, context));
    }

    // Per tree (itself one per build context): the Dockerfiles of a context are found, parsed and modelled once, not once
    // per Dockerfile of the context and per text of its rewrite.
    private static readonly ConditionalWeakTable<ContextTree, IReadOnlyList<(ContextDockerfile File, bool UsesContext)>> PerTree = [];

    private static readonly ConditionalWeakTable<ContextDockerfile, BuildFacts> Facts = [];

    private static List<(ContextDockerfile File, bool UsesContext)> All(IBuildContext context, ContextTree tree)
    {
        var found = new List<(ContextDockerfile, bool)>();
        foreach (var entry in tree.Entries)
        {
            if (entry.IsFolder || !DockerfileNames.IsDockerfile(entry.Name)
                || context.ReadText(entry.Path) is not { Length: <= MaxChars } text)
            {
                continue;
            }

            var syntax = DockerfileParser.Parse(text, entry.Path);
            if (syntax.HasErrors || syntax.Instructions.Length == 0)
            {
                continue;
            }

            var model = DockerfileModel.Build(syntax);
            var sources = ContextSources.Of(model);
            var file = new ContextDockerfile(entry.Path, model, sources, context.FileExists(entry.Path + ".dockerignore"));
            found.Add((file, UsesContext(context, entry.Folder, sources)));
        }

        return found;
    }

    private static bool UsesContext(IBuildContext context, string folder, IReadOnlyList<ContextSource> sources)
    {
        if (folder.Length == 0)
        {
            return true;
        }

        var named = sources.Where(s => s.Path is not null && s.Path != ".").Select(s => s.Path!).ToList();
        if (named.Count == 0)
        {
            return false;
        }

        var fromRoot = named.Count(path => Exists(context, path));
        var fromOwnFolder = named.Count(path => Exists(context, folder + "/" + path));
        return fromRoot > fromOwnFolder;
    }

    private static bool Exists(IBuildContext context, string path) =>
        path.IndexOfAny(['*', '?', '[']) >= 0 ? ContextGlob.Expand(context, path).Count > 0 : context.FileExists(path) || context.DirectoryExists(path);
}