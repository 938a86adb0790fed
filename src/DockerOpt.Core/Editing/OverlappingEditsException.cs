namespace DockerOpt.Core.Editing;

/// <summary>Two edits of one pass touch the same bytes: the pass has a bug, so nothing of it is applied.</summary>
public sealed class OverlappingEditsException : InvalidOperationException
{
    public OverlappingEditsException(string message)
        : base(message)
    {
    }

    public OverlappingEditsException()
    {
    }

    public OverlappingEditsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}