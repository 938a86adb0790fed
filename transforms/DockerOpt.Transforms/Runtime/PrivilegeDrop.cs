using DockerOpt.Core.Model.Roles;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Runtime;

/// <summary>
/// Images that start as root on purpose and drop privileges themselves (gosu, su-exec, setpriv, runuser, chpst,
/// s6/supervisord): a USER instruction would break their entrypoint, so the non-root pass leaves them alone.
/// </summary>
public static class PrivilegeDrop
{
    private static readonly string[] Tools = [.. RoleKnowledge.PrivilegeDropTools, "supervisord", "s6-overlay"];

    /// <summary>The first tool mentioned by a RUN, CMD or ENTRYPOINT of the chain, or null.</summary>
    public static string? Find(IEnumerable<InstructionSyntax> instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        foreach (var instruction in instructions)
        {
            if (instruction.Kind is not (InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Add or InstructionKind.Copy))
            {
                continue;
            }

            var text = instruction.Logical.Text;
            foreach (var tool in Tools)
            {
                if (text.Contains(tool, StringComparison.Ordinal))
                {
                    return tool;
                }
            }
        }

        return null;
    }
}