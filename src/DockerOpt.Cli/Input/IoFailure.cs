namespace DockerOpt.Cli.Input;

/// <summary>The short reason an I/O operation failed, for a message that already names the path.</summary>
public static class IoFailure
{
    public static string Reason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // .NET words a permission error as "Access to the path '...' is denied." and appends " : '...'" to other OS
        // reasons; the message around it names the person's path already.
        var reason = exception is UnauthorizedAccessException ? "permission denied" : exception.Message;
        var pathSuffix = reason.IndexOf(" : '", StringComparison.Ordinal);
        if (pathSuffix > 0)
        {
            reason = reason[..pathSuffix];
        }

        return reason.TrimEnd('.');
    }
}