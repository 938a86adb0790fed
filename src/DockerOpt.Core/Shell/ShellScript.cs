using System.Collections.Immutable;

namespace DockerOpt.Core.Shell;

/// <summary>
/// A parsed shell command (the text of a RUN in shell form). Lossless: <see cref="ToString"/> returns the input
/// exactly and every node's span points into <see cref="Text"/>, so a pass can replace a word in place.
/// </summary>
public sealed class ShellScript
{
    internal ShellScript(
        string text,
        ShellList root,
        ImmutableArray<ShellPiece> pieces,
        ImmutableArray<ShellHereDoc> hereDocs,
        ImmutableArray<ShellOpaqueCommand> opaqueParts)
    {
        Text = text;
        Root = root;
        Pieces = pieces;
        HereDocs = hereDocs;
        OpaqueParts = opaqueParts;
        Commands = ShellCommandEntry.Flatten(root);
        SimpleCommands = [.. Commands.Select(static e => e.Node).OfType<ShellSimpleCommand>()];
    }

    /// <summary>The parsed text, unchanged.</summary>
    public string Text { get; }

    /// <summary>The top-level command list.</summary>
    public ShellList Root { get; }

    /// <summary>Lexical pieces that cover <see cref="Text"/> exactly, in order.</summary>
    public ImmutableArray<ShellPiece> Pieces { get; }

    /// <summary>Here-documents in the order of their <c>&lt;&lt;</c> markers.</summary>
    public ImmutableArray<ShellHereDoc> HereDocs { get; }

    /// <summary>Every construct marked opaque, with its reason, in source order.</summary>
    public ImmutableArray<ShellOpaqueCommand> OpaqueParts { get; }

    /// <summary>Nothing in the script was marked opaque: every command is modelled.</summary>
    public bool IsFullyUnderstood => OpaqueParts.IsEmpty;

    /// <summary>
    /// Every command in source order (simple and opaque; subshells and brace groups are entered, not listed), each
    /// with the connector that joins it to the command before it.
    /// </summary>
    public ImmutableArray<ShellCommandEntry> Commands { get; }

    /// <summary>The simple commands in source order.</summary>
    /// <remarks>Picked out once: every pass walks them for every RUN, several times (issue 14).</remarks>
    public ImmutableArray<ShellSimpleCommand> SimpleCommands { get; }

    /// <summary>The whole script is one <c>&amp;&amp;</c> chain (or a single pipeline), with no <c>;</c>, <c>||</c>, <c>&amp;</c> or newline at top level.</summary>
    public bool IsSingleAndChain => Root.Items.Length == 1 && Root.Items[0].IsAndChain && Root.Items[0].Terminator == ShellConnector.None;

    /// <summary>The text a span covers.</summary>
    public string Slice(ShellSpan span) => span.Of(Text);

    public override string ToString() => Text;
}