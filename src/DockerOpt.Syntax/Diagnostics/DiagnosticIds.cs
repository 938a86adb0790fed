namespace DockerOpt.Syntax;

/// <summary>The identifiers of the diagnostics the syntax layer reports.</summary>
public static class DiagnosticIds
{
    public const string BinaryInput = "binary-input";
    public const string InvalidUtf8 = "invalid-utf8";
    public const string UnreadableFile = "unreadable-file";
    public const string NoInstructions = "no-instructions";
    public const string LineTooLong = "line-too-long";
    public const string DuplicateDirective = "duplicate-directive";
    public const string InvalidEscape = "invalid-escape";
    public const string UnknownInstruction = "unknown-instruction";
    public const string UnterminatedHeredoc = "unterminated-heredoc";
    public const string EmptyContinuationLine = "empty-continuation-line";
    public const string JsonArrayNotStrings = "json-not-strings";
    public const string MissingArguments = "missing-arguments";
    public const string MissingFlagValue = "missing-flag-value";
    public const string InvalidKeyValue = "invalid-key-value";
    public const string InvalidFrom = "invalid-from";
    public const string InvalidHealthcheck = "invalid-healthcheck";
    public const string InvalidOnbuild = "invalid-onbuild";
}