using System.Collections.Immutable;

using DockerOpt.Core.Shell;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// A simple command seen as a call of a tool: the program name normalised (<c>/usr/local/bin/pip3.12</c> → <c>pip</c>,
/// <c>python -m pip</c> → <c>pip</c>, <c>./mvnw</c> → <c>mvn</c>) and the words after it.
/// </summary>
public sealed record ToolInvocation(string Program, ImmutableArray<ShellWord> Arguments, ShellSimpleCommand Command)
{
    // Wrappers and launchers that name the same tool under another name.
    private static readonly ImmutableDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nodejs"] = "node",
        ["mvnw"] = "mvn",
        ["gradlew"] = "gradle",
        ["bundler"] = "bundle",
        ["pip-sync"] = "pip",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The positional (non-flag) arguments, in order.</summary>
    public IEnumerable<ShellWord> Positionals => Arguments.Where(static w => !IsFlag(w));

    /// <summary>The tool call a simple command makes, or null when its name is not a static word.</summary>
    public static ToolInvocation? From(ShellSimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Name?.Value is not { Length: > 0 } name)
        {
            return null;
        }

        var program = Normalise(name);
        var arguments = command.Arguments;
        if (program == "python" && arguments.Length >= 2 && arguments[0].Is("-m") && arguments[1].Value is { Length: > 0 } module)
        {
            program = Normalise(module);
            arguments = arguments[2..];
        }

        return new ToolInvocation(program, arguments, command);
    }

    /// <summary>The normalised program name of a command word.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var baseName = name[(name.LastIndexOf('/') + 1)..];
        foreach (var versioned in (ReadOnlySpan<string>)["python", "pip", "pypy"])
        {
            // pip3, pip3.12, python3.11: the version suffix does not change the tool.
            if (baseName.StartsWith(versioned, StringComparison.Ordinal) && baseName.Length > versioned.Length
                && baseName[versioned.Length..].All(static c => char.IsAsciiDigit(c) || c == '.'))
            {
                baseName = versioned == "pypy" ? "python" : versioned;
                break;
            }
        }

        return Aliases.GetValueOrDefault(baseName, baseName);
    }

    /// <summary>True when the invocation is this pattern (program and leading sub-command words, flags skipped).</summary>
    public bool Matches(CommandPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!string.Equals(Program, pattern.Program, StringComparison.Ordinal))
        {
            return false;
        }

        var positionals = Positionals.ToList();
        if (pattern.BareOnly)
        {
            return positionals.Count == 0;
        }

        if (pattern.AnyGoal)
        {
            return positionals.Any(p => pattern.Words.Length == 1 && p.Is(pattern.Words[0]));
        }

        if (positionals.Count < pattern.Words.Length)
        {
            return false;
        }

        for (var i = 0; i < pattern.Words.Length; i++)
        {
            if (!positionals[i].Is(pattern.Words[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a flag of this name is given (<c>--flag</c>, <c>--flag=value</c>).</summary>
    public bool HasFlag(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return Arguments.Any(w => w.Value is { } v && (v == flag || v.StartsWith(flag + "=", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The values given to a flag: <c>-r a.txt</c>, <c>--requirement=a.txt</c>, <c>-ra.txt</c>. A value that is not
    /// a static word comes back as null (the caller must not guess it).
    /// </summary>
    public IEnumerable<string?> FlagValues(params IReadOnlyCollection<string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        for (var i = 0; i < Arguments.Length; i++)
        {
            var value = Arguments[i].Value;
            if (value is null)
            {
                continue;
            }

            foreach (var flag in flags)
            {
                if (value == flag)
                {
                    yield return i + 1 < Arguments.Length ? Arguments[i + 1].Value : null;
                    i++;
                    break;
                }

                if (value.StartsWith(flag + "=", StringComparison.Ordinal))
                {
                    yield return value[(flag.Length + 1)..];
                    break;
                }

                if (flag.Length == 2 && flag[0] == '-' && flag[1] != '-' && value.Length > 2 && value[1] != '-' && value.StartsWith(flag, StringComparison.Ordinal))
                {
                    yield return value[2..];
                    break;
                }
            }
        }
    }

    private static bool IsFlag(ShellWord word) => word.Text.StartsWith('-');

    public override string ToString() => Command.Text;
}