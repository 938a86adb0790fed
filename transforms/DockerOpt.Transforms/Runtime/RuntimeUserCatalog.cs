using System.Collections.Frozen;

using DockerOpt.Core.Images;

namespace DockerOpt.Transforms.Runtime;

/// <summary>
/// What dockeropt knows about users in base images, as data: images that already run as non-root, images that ship
/// a non-root user of their own, and which family (user tools) an image belongs to. An image not listed here is
/// Unknown, and the non-root pass declines rather than guess a command that may not exist.
/// </summary>
public static class RuntimeUserCatalog
{
    /// <summary>The uid/gid distroless calls <c>nonroot</c>; also used on scratch, where no name resolves.</summary>
    public const string NumericNonRoot = "65532:65532";

    // Image paths (Docker Hub paths normalised to library/...) whose default user is already non-root.
    private static readonly string[] NonRootByDefaultPrefixes =
    [
        "bitnami/", "nginxinc/nginx-unprivileged", "chainguard/", "cgr.dev/",
    ];

    // Official images that ship their own non-root user.
    private static readonly FrozenDictionary<string, string> OwnUsers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["library/node"] = "node",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DebianBased = new[]
    {
        "library/debian", "library/ubuntu", "library/python", "library/golang", "library/ruby", "library/php",
        "library/openjdk", "library/eclipse-temurin", "library/rust", "library/buildpack-deps", "library/perl",
        "library/nginx", "library/httpd", "library/maven", "library/gradle", "library/elixir", "library/erlang",
        "library/haskell", "library/julia", "library/r-base", "library/clojure", "library/node", "library/pypy",
        "library/tomcat", "library/swift", "library/dart", "library/gcc", "library/bash",
        "dotnet/aspnet", "dotnet/runtime", "dotnet/sdk", "dotnet/runtime-deps",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> RedHatBased = new[]
    {
        "library/fedora", "library/centos", "library/rockylinux", "library/almalinux", "library/oraclelinux",
        "ubi8/ubi", "ubi9/ubi", "ubi8", "ubi9", "redhat/ubi8", "redhat/ubi9", "fedora/fedora",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Official images that start as root by design: the entrypoint (gosu/su-exec) or the server itself switches to
    // a service user, and web servers bind port 80. A USER would break them.
    private static readonly FrozenSet<string> StartAsRootByDesign = new[]
    {
        "library/nginx", "library/httpd", "library/caddy", "library/traefik", "library/postgres", "library/mysql",
        "library/mariadb", "library/redis", "library/mongo", "library/rabbitmq", "library/memcached", "library/cassandra",
        "library/elasticsearch", "library/zookeeper", "library/wordpress", "library/nextcloud", "library/drupal",
        "library/joomla", "library/ghost", "library/odoo", "library/influxdb", "library/couchdb", "library/neo4j",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for official images that start as root on purpose and switch users themselves (nginx, postgres, ...).</summary>
    public static bool ManagesItsOwnUser(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.IsDockerHub && (StartAsRootByDesign.Contains(image.NormalizedPath)
            || (image.NormalizedPath == "library/php" && image.Tag?.Contains("apache", StringComparison.Ordinal) == true));
    }

    /// <summary>True when the image's default user is already non-root (nothing to do).</summary>
    public static bool RunsAsNonRootByDefault(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var full = image.Registry is null ? image.NormalizedPath : image.Registry + "/" + image.Path;
        if (RuntimeImage.IsDistroless(image) && image.Tag?.Contains("nonroot", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        return NonRootByDefaultPrefixes.Any(prefix => full.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || image.NormalizedPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The image's own non-root user (<c>node</c> in the official node images), or null.</summary>
    public static string? OwnUser(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.IsDockerHub ? OwnUsers.GetValueOrDefault(image.NormalizedPath) : null;
    }

    public static ImageFamily FamilyOf(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (RuntimeImage.IsDistroless(image))
        {
            return ImageFamily.ShellLess;
        }

        var tag = image.Tag ?? string.Empty;
        var path = image.NormalizedPath;
        if (path is "library/alpine" || tag.Contains("alpine", StringComparison.OrdinalIgnoreCase))
        {
            return ImageFamily.Alpine;
        }

        if (path.StartsWith("dotnet/", StringComparison.Ordinal) && image.Registry is not "mcr.microsoft.com")
        {
            return ImageFamily.Unknown;
        }

        if (DebianBased.Contains(path))
        {
            return ImageFamily.Debian;
        }

        if (RedHatBased.Contains(path) && !path.Contains("minimal", StringComparison.Ordinal) && !path.Contains("micro", StringComparison.Ordinal))
        {
            return ImageFamily.RedHat;
        }

        return ImageFamily.Unknown;
    }
}