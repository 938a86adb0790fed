using System.Collections.Immutable;

namespace DockerOpt.Core.Shell;

/// <summary>
/// A command of a script in source order with the connector before it. <see cref="Depth"/> counts the subshells
/// and brace groups around it (0 at top level); the first command inside a group takes the group's connector.
/// </summary>
public sealed record ShellCommandEntry(ShellCommandNode Node, ShellConnector Connector, int Depth)
{
    /// <summary>The command when it is a simple command, otherwise null (opaque).</summary>
    public ShellSimpleCommand? Simple => Node as ShellSimpleCommand;

    public bool IsOpaque => Node is ShellOpaqueCommand;

    internal static ImmutableArray<ShellCommandEntry> Flatten(ShellList root)
    {
        ImmutableArray<ShellCommandEntry>.Builder entries = ImmutableArray.CreateBuilder<ShellCommandEntry>();
        AddList(root, ShellConnector.None, 0, entries);
        return entries.ToImmutable();
    }

    private static void AddList(ShellList list, ShellConnector first, int depth, ImmutableArray<ShellCommandEntry>.Builder entries)
    {
        ShellConnector connector = first;
        foreach (ShellAndOrList andOr in list.Items)
        {
            for (int p = 0; p < andOr.Pipelines.Length; p++)
            {
                if (p > 0)
                {
                    connector = andOr.Operators[p - 1];
                }

                ImmutableArray<ShellCommandNode> commands = andOr.Pipelines[p].Commands;
                for (int c = 0; c < commands.Length; c++)
                {
                    AddCommand(commands[c], c == 0 ? connector : ShellConnector.Pipe, depth, entries);
                }
            }

            connector = andOr.Terminator;
        }
    }

    private static void AddCommand(ShellCommandNode node, ShellConnector connector, int depth, ImmutableArray<ShellCommandEntry>.Builder entries)
    {
        switch (node)
        {
            case ShellSubshell subshell:
                AddList(subshell.Body, connector, depth + 1, entries);
                break;
            case ShellBraceGroup group:
                AddList(group.Body, connector, depth + 1, entries);
                break;
            default:
                entries.Add(new ShellCommandEntry(node, connector, depth));
                break;
        }
    }
}