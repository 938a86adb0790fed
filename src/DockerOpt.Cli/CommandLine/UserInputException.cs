namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// Bad input a person can fix (a missing path, an unknown pass id, a file that does not parse). Its
/// message is shown as one line, already in <c>file:line:col: message</c> form where a location applies,
/// and the exit code is 2.
/// </summary>
public sealed class UserInputException : Exception
{
    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UserInputException()
    {
    }
}