namespace DockerOpt.Engine.Errors;

/// <summary>
/// A failure of the container engine or of the user's original image, never of the rewrite under test.
/// Every subclass carries a message a person can act on; the CLI prints it as one line and exits 3.
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