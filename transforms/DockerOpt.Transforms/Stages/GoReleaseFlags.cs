using DockerOpt.Core.Editing;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// <c>-trimpath -ldflags="-s -w"</c> for a <c>go build</c> whose binary ships in a runtime stage: no DWARF debug
/// information and no symbol table (a smaller binary; panics still print full stack traces from the runtime's own
/// tables) and no builder file-system paths in the binary. Flags the command already has are kept and merged
/// (<c>-ldflags "-X main.version=1"</c> becomes <c>-ldflags="-s -w -X main.version=1"</c>); anything that cannot be
/// merged exactly (variables, quotes inside the value, several -ldflags, GOFLAGS, a debug build) is a decline.
/// </summary>
public static class GoReleaseFlags
{
    private static readonly char[] Blanks = [' ', '\t'];

    private static readonly string[] StripFlags = ["-s", "-w"];

    /// <summary>Why stripping matters, for findings.</summary>
    public const string Why = "no DWARF debug information or symbol table (a smaller binary; panics still print full stack traces, "
        + "with module paths instead of builder paths) and no builder paths in the binary; debuggers such as delve need an unstripped build";

    /// <summary>
    /// What to change in the <c>go build</c> <paramref name="tool"/> of <paramref name="instruction"/>: edits (none when
    /// the flags are there already) and what they add, or the reason to leave the command alone.
    /// </summary>
    public static GoReleaseFlagsPlan Plan(InstructionSyntax instruction, ToolInvocation tool, string fileText)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(fileText);
        if (instruction.Arguments is not ShellFormArguments shell)
        {
            return GoReleaseFlagsPlan.Declined("the go build is in an exec-form RUN");
        }

        if (fileText.Contains("GOFLAGS", StringComparison.Ordinal) || tool.Command.Assignments.Any(a => a.Name == "GOFLAGS"))
        {
            return GoReleaseFlagsPlan.Declined("GOFLAGS is set, and flags on the command line would replace the -ldflags it may carry");
        }

        var arguments = tool.Arguments;
        var buildAt = -1;
        for (var i = 0; i < arguments.Length && buildAt < 0; i++)
        {
            buildAt = arguments[i].Is("build") ? i : -1;
        }

        if (buildAt < 0)
        {
            return GoReleaseFlagsPlan.Declined("the command is not a plain go build");
        }

        if (arguments.Skip(buildAt + 1).FirstOrDefault(w => !w.IsStatic) is { } dynamic)
        {
            return GoReleaseFlagsPlan.Declined($"'{dynamic.Text}' is only known when the build runs and may carry build flags");
        }

        LinkerFlag? ldflags = null;
        var trimpath = false;
        for (var i = buildAt + 1; i < arguments.Length; i++)
        {
            var word = arguments[i].Value!;
            if (word == "--" || !word.StartsWith('-'))
            {
                // Go stops reading flags at the first package argument.
                break;
            }

            var name = word.TrimStart('-');
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            var value = equals >= 0 ? name[(equals + 1)..] : null;
            name = equals >= 0 ? name[..equals] : name;
            switch (name)
            {
                case "trimpath" when value is null or "true":
                    trimpath = true;
                    continue;
                case "trimpath":
                    return GoReleaseFlagsPlan.Declined($"the build sets {word} on purpose");
                case "ldflags" when ldflags is not null:
                    return GoReleaseFlagsPlan.Declined("the build passes -ldflags more than once (only the last counts), which is not merged");
                case "ldflags" when value is not null:
                    ldflags = new LinkerFlag(arguments[i], value, true);
                    continue;
                case "ldflags" when i + 1 < arguments.Length:
                    i++;
                    ldflags = new LinkerFlag(arguments[i], arguments[i].Value!, false);
                    continue;
                case "gcflags" when Words(value ?? (i + 1 < arguments.Length ? arguments[i + 1].Value! : string.Empty)).Any(w => w is "-N" or "-l"):
                    return GoReleaseFlagsPlan.Declined("the build turns optimisations off for a debugger (-gcflags -N -l), so stripping its debug information would defeat it");
                case "buildmode" when value is not (null or "exe" or "pie" or "default"):
                    return GoReleaseFlagsPlan.Declined($"-buildmode={value} does not make a program binary");
                default:
                    break;
            }

            // Flags that take a separate value (the package-manager table's go row): skip it, so that it is not read
            // as a flag or package.
            if (value is null && PackageManagerFacts.Go.OptionsWithValue.Contains("-" + name))
            {
                i++;
            }
        }

        var added = new List<string>();
        var edits = new List<TextEdit>();
        var insertAt = shell.ToSourceOffset(arguments[buildAt].Span.End);
        var insert = new List<string>();
        if (!trimpath)
        {
            insert.Add("-trimpath");
            added.Add("-trimpath");
        }

        if (ldflags is null)
        {
            insert.Add("-ldflags=\"-s -w\"");
            added.Add("-ldflags=\"-s -w\"");
        }
        else
        {
            var present = Words(ldflags.Value).ToList();
            if (present.Any(w => w.StartsWith("-s=", StringComparison.Ordinal) || w.StartsWith("-w=", StringComparison.Ordinal)))
            {
                return GoReleaseFlagsPlan.Declined($"-ldflags '{ldflags.Value}' sets -s or -w explicitly");
            }

            var missing = StripFlags.Where(f => !present.Contains(f)).ToList();
            if (missing.Count > 0)
            {
                if (ldflags.Value.IndexOfAny(['"', '\'', '\\', '$', '`']) >= 0)
                {
                    return GoReleaseFlagsPlan.Declined($"-ldflags '{ldflags.Value}' holds quotes or escapes, so {string.Join(' ', missing)} cannot be merged into it exactly");
                }

                var merged = string.Join(' ', missing) + (ldflags.Value.Trim().Length > 0 ? " " + ldflags.Value.Trim() : string.Empty);
                var text = ldflags.Joined ? ldflags.Word.Value![..(ldflags.Word.Value!.IndexOf('=', StringComparison.Ordinal) + 1)] + "\"" + merged + "\"" : "\"" + merged + "\"";
                edits.Add(TextEdit.Replace(shell.ToSourceSpan(ldflags.Word.Span.Start, ldflags.Word.Span.Length), text));
                added.Add(string.Join(' ', missing) + " (merged into its -ldflags)");
            }
        }

        if (insert.Count > 0)
        {
            edits.Insert(0, TextEdit.Insert(insertAt, " " + string.Join(' ', insert)));
        }

        return new GoReleaseFlagsPlan(null, [.. edits], string.Join(" and ", added));
    }

    private static string[] Words(string value) => value.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);

    private sealed record LinkerFlag(ShellWord Word, string Value, bool Joined);
}