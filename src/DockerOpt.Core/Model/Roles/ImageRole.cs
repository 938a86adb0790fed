namespace DockerOpt.Core.Model.Roles;

/// <summary>
/// What the image a Dockerfile ships is for. Only a leaf app (an image that runs one application and that nobody
/// builds FROM) may have its runtime behaviour changed by a rewrite: the user it runs as, its base image, its stages.
/// </summary>
public enum ImageRole
{
    /// <summary>Runs one application (its own CMD/ENTRYPOINT, or a server base image serving what it copies in).</summary>
    LeafApp,

    /// <summary>Published for others to build FROM (official-images layout, ONBUILD, no command or a shell as CMD).</summary>
    BaseImage,

    /// <summary>A builder, CI or development image: tools for people and pipelines, not an application.</summary>
    BuildImage,

    /// <summary>A tool that needs root by design (docker socket, raw sockets, an init system or entrypoint that drops privileges).</summary>
    PrivilegedTool,

    /// <summary>A Dockerfile kept as test input (tests/, testdata/, fixtures/): its exact content is the point.</summary>
    TestFixture,
}