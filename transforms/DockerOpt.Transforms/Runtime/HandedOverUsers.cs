using DockerOpt.Core.Model;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Runtime;

/// <summary>
/// The non-root users a Dockerfile hands the app's files to without switching to them (<c>COPY --chown=nobody:root</c>,
/// <c>RUN chown nobody /app</c>): the author's own answer to "which user runs this", which the non-root pass takes
/// instead of inventing another user that could not write to those files. Only users that exist without being
/// created are taken: <c>nobody</c>, which every Debian, Alpine and Red Hat image has, and numeric ids, which need no
/// entry in /etc/passwd. A named user created in the file is <see cref="CreatedUsers"/>' business.
/// </summary>
public static class HandedOverUsers
{
    /// <summary>
    /// The users, as a USER instruction would name them, with the instruction that hands files to each, in build order.
    /// RUN scripts are read through the model's shared parse.
    /// </summary>
    public static IEnumerable<(string User, InstructionSyntax HandedBy)> In(DockerfileModel model, IEnumerable<InstructionSyntax> instructions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(instructions);
        foreach (var instruction in instructions)
        {
            if (instruction.Kind is InstructionKind.Copy or InstructionKind.Add)
            {
                if (instruction.GetFlag("chown")?.Value is { } owner && User(owner) is { } user)
                {
                    yield return (user, instruction);
                }

                continue;
            }

            if (instruction.Kind != InstructionKind.Run || instruction.Arguments is not ShellFormArguments shell)
            {
                continue;
            }

            foreach (var command in model.ParseShell(shell.CommandText).SimpleCommands)
            {
                if (command.Name is { } name && name.Is("chown")
                    && command.Arguments.FirstOrDefault(w => w.Value is not { } v || !v.StartsWith('-')) is { IsStatic: true, HasExpansion: false, Value: { } owner }
                    && User(owner) is { } user)
                {
                    yield return (user, instruction);
                }
            }
        }
    }

    // `nobody` or `nobody:group` gives `nobody`; `1000` or `1000:1000` stays as written; root and anything else, null.
    private static string? User(string owner)
    {
        var parts = owner.Split(':');
        var name = parts[0];
        if (name == "nobody")
        {
            return name;
        }

        var numeric = parts.Length <= 2 && parts.All(p => p.Length is > 0 and <= 10 && p.All(char.IsAsciiDigit));
        return numeric && name.TrimStart('0').Length > 0 ? owner : null;
    }
}