using System.Collections.Immutable;

namespace DockerOpt.Core.Shell;

/// <summary>A command in a pipeline: a simple command, a subshell, a brace group, or something opaque.</summary>
public abstract record ShellCommandNode(ShellSpan Span);

/// <summary>
/// <c>NAME=v ... cmd arg ... &gt;redir</c>. Assignments, words and redirections are kept in their own lists,
/// each in source order; their spans tell how they interleave.
/// </summary>
public sealed record ShellSimpleCommand(
    ShellSpan Span,
    string Text,
    ImmutableArray<ShellAssignment> Assignments,
    ImmutableArray<ShellWord> Words,
    ImmutableArray<ShellRedirection> Redirections) : ShellCommandNode(Span)
{
    /// <summary>The command name (first word), or null for a bare assignment or redirection.</summary>
    public ShellWord? Name => Words.IsDefaultOrEmpty ? null : Words[0];

    /// <summary>The words after the command name.</summary>
    public ImmutableArray<ShellWord> Arguments => Words.Length <= 1 ? [] : Words[1..];

    /// <summary>The value of a leading assignment such as <c>CGO_ENABLED=0</c>, or null.</summary>
    public string? AssignmentValue(string name)
    {
        foreach (ShellAssignment assignment in Assignments)
        {
            if (assignment.Name == name)
            {
                return assignment.Value;
            }
        }

        return null;
    }

    public override string ToString() => Text;
}

/// <summary><c>( list )</c>: runs in a child shell.</summary>
public sealed record ShellSubshell(ShellSpan Span, ShellList Body, ImmutableArray<ShellRedirection> Redirections) : ShellCommandNode(Span);

/// <summary><c>{ list; }</c>: groups commands in the current shell.</summary>
public sealed record ShellBraceGroup(ShellSpan Span, ShellList Body, ImmutableArray<ShellRedirection> Redirections) : ShellCommandNode(Span);

/// <summary>
/// A construct the parser does not model (<c>if</c>, loops, <c>case</c>, functions, here-strings, unbalanced
/// quotes...). Its text is kept; passes must leave it alone.
/// </summary>
public sealed record ShellOpaqueCommand(ShellSpan Span, string Text, string Reason) : ShellCommandNode(Span)
{
    public override string ToString() => Text;
}