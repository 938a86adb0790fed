namespace DockerOpt.Engine.Errors;

/// <summary>
/// The image the user named is not in the local engine (a typo, or not built or pulled yet). The user's input is
/// at fault, not the engine: the CLI exits 2 for it, as for any other bad input.
/// </summary>
public sealed class ImageNotFoundException : EngineException
{
    public ImageNotFoundException(string image, string engine, string engineMessage)
        : base($"{image}: no such image in the local {engine} engine (build or pull it first; '{engine} images' lists what is there)")
    {
        Image = image;
        EngineMessage = engineMessage;
    }

    public string Image { get; }

    /// <summary>What the engine itself said.</summary>
    public string EngineMessage { get; }

    /// <summary>Whether an engine's error output says the image does not exist (Docker's classic and containerd stores, Podman).</summary>
    public static bool Describes(string engineMessage)
    {
        ArgumentNullException.ThrowIfNull(engineMessage);
        return engineMessage.Contains("No such image", StringComparison.OrdinalIgnoreCase)
            || engineMessage.Contains("reference does not exist", StringComparison.OrdinalIgnoreCase)
            || engineMessage.Contains("image not known", StringComparison.OrdinalIgnoreCase);
    }
}