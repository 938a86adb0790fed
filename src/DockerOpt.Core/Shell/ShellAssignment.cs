namespace DockerOpt.Core.Shell;

/// <summary>
/// A <c>NAME=value</c> prefix of a simple command (<c>DEBIAN_FRONTEND=noninteractive apt-get ...</c>), or a bare
/// assignment command (<c>X=1</c>).
/// </summary>
public sealed record ShellAssignment(ShellWord Word, string Name)
{
    public ShellSpan Span => Word.Span;

    /// <summary>The assigned value when statically known (quotes removed), otherwise null.</summary>
    public string? Value => Word.Value is { } v ? v[(Name.Length + 1)..] : null;

    public override string ToString() => Word.Text;
}