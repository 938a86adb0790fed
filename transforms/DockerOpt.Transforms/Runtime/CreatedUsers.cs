using System.Collections.Frozen;

using DockerOpt.Core.Shell;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Runtime;

/// <summary>
/// Finds the users a Dockerfile creates itself (<c>useradd</c>, Debian's and busybox's <c>adduser</c>) so the
/// non-root pass switches to the user the author already made instead of inventing another one.
/// </summary>
public static class CreatedUsers
{
    // Options that take a value in the next word (useradd, Debian adduser, busybox adduser).
    private static readonly FrozenSet<string> ValueOptions = new[]
    {
        "-b", "-c", "-d", "-e", "-f", "-g", "-G", "-k", "-K", "-p", "-R", "-P", "-s", "-u", "-Z", "-h",
        "--base-dir", "--comment", "--home-dir", "--expiredate", "--inactive", "--gid", "--groups", "--skel", "--key",
        "--password", "--root", "--prefix", "--shell", "--uid", "--selinux-user", "--home", "--ingroup", "--gecos",
        "--firstuid", "--lastuid", "--conf", "--firstgid", "--lastgid", "--comment",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The users created by RUN instructions, with the instruction that creates each, in build order.</summary>
    public static IEnumerable<(string User, InstructionSyntax CreatedBy)> In(IEnumerable<InstructionSyntax> instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        foreach (var instruction in instructions)
        {
            if (instruction.Kind != InstructionKind.Run || instruction.Arguments is not ShellFormArguments shell)
            {
                continue;
            }

            var script = ShellParser.Parse(shell.CommandText);
            foreach (var command in script.SimpleCommands)
            {
                if (command.Name is { } name && (name.Is("useradd") || name.Is("adduser")) && UserName(command) is { } user)
                {
                    yield return (user, instruction);
                }
            }
        }
    }

    private static string? UserName(ShellSimpleCommand command)
    {
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            var word = arguments[i];
            if (!word.IsStatic || word.HasExpansion)
            {
                return null;
            }

            var value = word.Value!;
            if (value.StartsWith('-'))
            {
                if (ValueOptions.Contains(value))
                {
                    i++;
                }

                continue;
            }

            // The first positional word is the login name (useradd LOGIN, adduser USER [GROUP]).
            return IsPlainName(value) ? value : null;
        }

        return null;
    }

    private static bool IsPlainName(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}