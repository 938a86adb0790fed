using DockerOpt.Core.Images;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Runtime;

/// <summary>
/// What a final image has to run things with, as far as its name tells: scratch and distroless images have no
/// <c>/bin/sh</c> (a shell-form CMD cannot start there), Windows images run shell form with <c>cmd</c>/PowerShell
/// (whose quoting dockeropt does not model).
/// </summary>
public static class RuntimeImage
{
    /// <summary>True when the chain's image has no shell: scratch, or distroless/chainguard-static without a debug tag.</summary>
    public static bool HasNoShell(StageChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.IsScratch || (chain.BaseImage is { } image && IsDistroless(image));
    }

    public static bool IsDistroless(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var debug = image.Tag?.Contains("debug", StringComparison.OrdinalIgnoreCase) == true;
        return !debug && (image.Path.StartsWith("distroless/", StringComparison.OrdinalIgnoreCase)
            || image.Path.Contains("/distroless/", StringComparison.OrdinalIgnoreCase)
            || string.Equals(image.Path, "chainguard/static", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A Windows image or a file written for one (escape char <c>`</c>).</summary>
    public static bool IsWindows(StageChain chain, DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(syntax);
        if (syntax.EscapeChar == '`')
        {
            return true;
        }

        var text = chain.Root.BaseText;
        return text.Contains("windows", StringComparison.OrdinalIgnoreCase)
            || text.Contains("servercore", StringComparison.OrdinalIgnoreCase)
            || text.Contains("nanoserver", StringComparison.OrdinalIgnoreCase);
    }
}