namespace DockerOpt.Transforms.Runtime;

/// <summary>How an image creates users: which tool exists, or none at all.</summary>
public enum ImageFamily
{
    /// <summary>Not known: dockeropt does not guess a user-creation command.</summary>
    Unknown,

    /// <summary>Debian, Ubuntu and the official images built on them: <c>groupadd</c>/<c>useradd</c> (passwd is essential).</summary>
    Debian,

    /// <summary>Fedora, CentOS, Rocky, Alma, UBI (not minimal): <c>groupadd</c>/<c>useradd</c> from shadow-utils.</summary>
    RedHat,

    /// <summary>Alpine and <c>*-alpine</c> tags: busybox <c>addgroup -S</c>/<c>adduser -S</c>.</summary>
    Alpine,

    /// <summary>No shell and no user tools (scratch, distroless): a numeric uid is the only way.</summary>
    ShellLess,
}