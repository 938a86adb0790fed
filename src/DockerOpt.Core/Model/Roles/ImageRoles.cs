namespace DockerOpt.Core.Model.Roles;

/// <summary>How roles are named to people (reports) and in <c>--role</c> / <c>role:</c> of .dockeropt.yaml.</summary>
public static class ImageRoles
{
    /// <summary>The words <c>--role</c> and <c>role:</c> accept, each with the role it names.</summary>
    public static IReadOnlyList<(string Name, ImageRole Role)> Names { get; } =
    [
        ("app", ImageRole.LeafApp),
        ("base", ImageRole.BaseImage),
        ("builder", ImageRole.BuildImage),
        ("ci", ImageRole.BuildImage),
        ("dev", ImageRole.BuildImage),
        ("privileged", ImageRole.PrivilegedTool),
        ("fixture", ImageRole.TestFixture),
    ];

    /// <summary>The role a <c>--role</c> word names, or null.</summary>
    public static ImageRole? Parse(string? name) =>
        Names.FirstOrDefault(n => string.Equals(n.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Name: not null } found ? found.Role : null;

    /// <summary>The accepted words, for help and error messages.</summary>
    public static string NameList => string.Join(", ", Names.Select(n => n.Name));

    /// <summary>The role as a report names it.</summary>
    public static string Describe(ImageRole role) => role switch
    {
        ImageRole.LeafApp => "leaf app",
        ImageRole.BaseImage => "base image",
        ImageRole.BuildImage => "builder/CI/dev image",
        ImageRole.PrivilegedTool => "tool that needs privileges",
        ImageRole.TestFixture => "test fixture",
        _ => role.ToString(),
    };

    /// <summary>The role as JSON and SARIF name it (stable, kebab-case).</summary>
    public static string Id(ImageRole role) => role switch
    {
        ImageRole.LeafApp => "leaf-app",
        ImageRole.BaseImage => "base-image",
        ImageRole.BuildImage => "build-image",
        ImageRole.PrivilegedTool => "privileged-tool",
        ImageRole.TestFixture => "test-fixture",
        _ => role.ToString(),
    };
}