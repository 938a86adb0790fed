namespace DockerOpt.Core.Shell;

/// <summary>
/// A redirection kept exactly as written: <c>&gt; file</c>, <c>2&gt;&amp;1</c>, <c>&lt;/dev/null</c>,
/// <c>&lt;&lt;EOF</c>. <see cref="Target"/> is the file, descriptor or here-document delimiter word.
/// </summary>
public sealed record ShellRedirection(ShellSpan Span, string Text, int? FileDescriptor, string Operator, ShellWord? Target)
{
    public bool IsHereDoc => Operator is "<<" or "<<-";

    public override string ToString() => Text;
}