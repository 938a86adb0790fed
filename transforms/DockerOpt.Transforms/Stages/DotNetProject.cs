using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

using DockerOpt.Core.BuildContext;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// What a .NET split reads from an SDK-style project file (and the nearest Directory.Build.props above it, whose
/// properties the project overrides): its SDK, TargetFramework, assembly name and output type. A property set only
/// under a Condition, or built from <c>$(...)</c>, is not known: the split declines rather than guess it.
/// </summary>
public sealed class DotNetProject
{
    private readonly ImmutableDictionary<string, string?> properties;

    private DotNetProject(string path, string? sdk, ImmutableDictionary<string, string?> properties)
    {
        Path = path;
        Sdk = sdk;
        this.properties = properties;
    }

    /// <summary>The project file's path in the build context.</summary>
    public string Path { get; }

    /// <summary>The SDK (<c>Microsoft.NET.Sdk.Web</c>), or null for an old-style project.</summary>
    public string? Sdk { get; }

    /// <summary>The file name without its extension: the assembly name when no AssemblyName is set.</summary>
    public string FileStem => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>
    /// The project in the context (with the nearest Directory.Build.props), or null when it is missing or not XML.
    /// </summary>
    public static DotNetProject? Read(IBuildContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        if (Parse(context.ReadText(path)) is not { } project)
        {
            return null;
        }

        var merged = NearestProps(context, path) is { } propsText && Parse(propsText) is { } props
            ? props.Properties.SetItems(project.Properties)
            : project.Properties;
        return new DotNetProject(path, project.Sdk, merged);
    }

    /// <summary>
    /// The property's value: null when it is not set, <see cref="Unknown"/> when it is set under a Condition or from
    /// other properties.
    /// </summary>
    public string? Property(string name) => properties.TryGetValue(name, out var value) ? value ?? Unknown : null;

    /// <summary>The value <see cref="Property"/> returns for a property whose value cannot be known from the file.</summary>
    public const string Unknown = "\0unknown";

    private static (string? Sdk, ImmutableDictionary<string, string?> Properties)? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (XmlException)
        {
            return null;
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "Project")
        {
            return null;
        }

        var sdk = (string?)root.Attribute("Sdk")
            ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value;
        var values = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in root.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
        {
            var conditional = group.Attribute("Condition") is not null;
            foreach (var property in group.Elements())
            {
                var value = property.Value.Trim();
                var known = !conditional && property.Attribute("Condition") is null && !value.Contains("$(", StringComparison.Ordinal);
                values[property.Name.LocalName] = known ? value : null;
            }
        }

        return (sdk?.Split('/')[0].Trim(), values.ToImmutable());
    }

    // MSBuild imports the first Directory.Build.props found walking up from the project's folder.
    private static string? NearestProps(IBuildContext context, string projectPath)
    {
        var folder = projectPath.Contains('/', StringComparison.Ordinal) ? projectPath[..projectPath.LastIndexOf('/')] : string.Empty;
        while (true)
        {
            var candidate = folder.Length == 0 ? DotNetFacts.DirectoryBuildProps : folder + "/" + DotNetFacts.DirectoryBuildProps;
            if (context.FileExists(candidate))
            {
                return context.ReadText(candidate);
            }

            if (folder.Length == 0)
            {
                return null;
            }

            folder = folder.Contains('/', StringComparison.Ordinal) ? folder[..folder.LastIndexOf('/')] : string.Empty;
        }
    }
}