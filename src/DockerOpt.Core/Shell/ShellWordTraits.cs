namespace DockerOpt.Core.Shell;

/// <summary>What a shell word contains besides plain characters.</summary>
[Flags]
public enum ShellWordTraits
{
    None = 0,

    /// <summary>Some part is in single or double quotes, or escaped with a backslash.</summary>
    Quoted = 1,

    /// <summary>A parameter expansion (<c>$X</c>, <c>${X}</c>), command substitution, arithmetic or tilde.</summary>
    Expansion = 2,

    /// <summary>A command substitution: <c>$(...)</c> or backticks.</summary>
    CommandSubstitution = 4,

    /// <summary>An unquoted <c>*</c>, <c>?</c> or <c>[</c>: the shell expands it against the file system.</summary>
    Glob = 8,
}