namespace DockerOpt.Core.Shell;

/// <summary>How a command is joined to the one before it.</summary>
public enum ShellConnector
{
    /// <summary>The first command of the script.</summary>
    None,

    /// <summary><c>&amp;&amp;</c>: runs only when the previous one succeeded.</summary>
    And,

    /// <summary><c>||</c>: runs only when the previous one failed.</summary>
    Or,

    /// <summary><c>;</c>: runs whatever the previous one returned.</summary>
    Semicolon,

    /// <summary>A newline: same meaning as <c>;</c>.</summary>
    Newline,

    /// <summary><c>&amp;</c>: the previous one runs in the background.</summary>
    Background,

    /// <summary><c>|</c>: reads the previous one's output.</summary>
    Pipe,
}