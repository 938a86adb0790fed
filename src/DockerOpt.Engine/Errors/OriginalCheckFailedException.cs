namespace DockerOpt.Engine.Errors;

/// <summary>
/// The user's ORIGINAL image builds but fails its own smoke command or HTTP probe, so the check cannot
/// tell whether the rewrite keeps the behaviour. Not dockeropt's doing: the check or the image needs fixing.
/// </summary>
public sealed class OriginalCheckFailedException : EngineException
{
    public OriginalCheckFailedException(string check, string reason)
        : base($"the original image fails the {check} (not dockeropt's doing; fix the check or the image first): {reason}")
    {
        Check = check;
        Reason = reason;
    }

    public string Check { get; }

    public string Reason { get; }
}