using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

using DockerOpt.Core.BuildContext;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// What the Java split reads from a pom.xml to name the jar Maven builds: the packaging, the modules, the build
/// plugins, and the jar's file name (<c>build/finalName</c>, else <c>artifactId-version</c>, the version inherited
/// from the parent when the project sets none). A name built from properties other than the project's own
/// artifactId and version is not known (null): the split declines rather than guess it.
/// </summary>
public sealed class MavenPom
{
    private MavenPom(string path, string? parent, string packaging, ImmutableArray<string> modules, ImmutableArray<string> plugins, string? jarName)
    {
        Parent = parent;
        Path = path;
        Packaging = packaging;
        Modules = modules;
        Plugins = plugins;
        JarName = jarName;
    }

    /// <summary>The pom's path in the build context.</summary>
    public string Path { get; }

    /// <summary>The parent's artifactId, or null: a parent may set the jar's finalName and bind plugins for every child.</summary>
    public string? Parent { get; }

    /// <summary><c>jar</c> (the default), <c>war</c>, <c>pom</c>, ...</summary>
    public string Packaging { get; }

    /// <summary>The modules of a multi-module build (empty for one project).</summary>
    public ImmutableArray<string> Modules { get; }

    /// <summary>The artifactIds of the build plugins.</summary>
    public ImmutableArray<string> Plugins { get; }

    /// <summary>The jar's file name in target/ (<c>demo-0.0.1-SNAPSHOT.jar</c>), or null when it is built from unknown properties.</summary>
    public string? JarName { get; }

    /// <summary>The pom in the context, or null when it is missing or not XML.</summary>
    public static MavenPom? Read(IBuildContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        if (context.ReadText(path) is not { } text)
        {
            return null;
        }

        XElement root;
        try
        {
            root = XDocument.Parse(text).Root!;
        }
        catch (XmlException)
        {
            return null;
        }

        // The pom's own elements only (a plugin's configuration may hold elements of the same names).
        string? Own(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        var artifactId = Own(root, "artifactId");
        var version = Own(root, "version") ?? (Child(root, "parent") is { } parent ? Own(parent, "version") : null);
        var build = Child(root, "build");
        var finalName = build is null ? null : Own(build, "finalName");
        var modules = Child(root, "modules")?.Elements().Select(e => e.Value.Trim()).ToImmutableArray() ?? [];
        var plugins = build is null || Child(build, "plugins") is not { } list
            ? []
            : list.Elements().Select(p => Own(p, "artifactId") ?? string.Empty).ToImmutableArray();

        string? Resolve(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var resolved = value
                .Replace("${project.artifactId}", artifactId ?? "${?}", StringComparison.Ordinal)
                .Replace("${artifactId}", artifactId ?? "${?}", StringComparison.Ordinal)
                .Replace("${project.version}", version ?? "${?}", StringComparison.Ordinal)
                .Replace("${version}", version ?? "${?}", StringComparison.Ordinal);
            return resolved.Contains('$', StringComparison.Ordinal) || resolved.Contains('/', StringComparison.Ordinal) ? null : resolved;
        }

        var stem = finalName is not null ? Resolve(finalName) : artifactId is null || version is null ? null : Resolve(artifactId + "-" + version);
        var parentId = Child(root, "parent") is { } parentElement ? Own(parentElement, "artifactId") : null;
        return new MavenPom(path, parentId, Own(root, "packaging") ?? "jar", modules, plugins, stem is null || stem.Length == 0 ? null : stem + ".jar");
    }
}