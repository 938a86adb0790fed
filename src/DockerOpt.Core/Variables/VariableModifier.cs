namespace DockerOpt.Core.Variables;

/// <summary>The operator of a <c>${NAME...}</c> reference, as BuildKit's shell lexer supports them.</summary>
public enum VariableModifier
{
    /// <summary><c>$NAME</c> or <c>${NAME}</c>.</summary>
    None,

    /// <summary><c>${NAME-word}</c> (unset) or <c>${NAME:-word}</c> (unset or empty): the word as a default.</summary>
    Default,

    /// <summary><c>${NAME+word}</c> or <c>${NAME:+word}</c>: the word when set (and non-empty with the colon).</summary>
    Alternative,

    /// <summary><c>${NAME?message}</c> or <c>${NAME:?message}</c>: an error when unset (or empty with the colon).</summary>
    Required,

    /// <summary><c>${NAME#pattern}</c> / <c>${NAME##pattern}</c>: remove the shortest / longest matching prefix.</summary>
    RemovePrefix,

    /// <summary><c>${NAME%pattern}</c> / <c>${NAME%%pattern}</c>: remove the shortest / longest matching suffix.</summary>
    RemoveSuffix,

    /// <summary><c>${NAME/pattern/replacement}</c> / <c>${NAME//pattern/replacement}</c>.</summary>
    Replace,
}