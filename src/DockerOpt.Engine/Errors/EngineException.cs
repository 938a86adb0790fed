namespace DockerOpt.Engine.Errors;

/// <summary>
/// A failure of the container engine or of the user's original image, never of the rewrite under test.
/// Every subclass carries a message a person can act on; the CLI prints it as one line and exits 3, or 2 when the
/// user's input is at fault (an image that is not there, an original that does not build or fails its own check).
/// </summary>
public abstract class EngineException : Exception
{
    protected EngineException(string message)
        : base(message)
    {
    }

    protected EngineException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}