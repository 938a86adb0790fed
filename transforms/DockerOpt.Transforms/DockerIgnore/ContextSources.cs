using DockerOpt.Core.Model;
using DockerOpt.Core.Variables;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// Every path a Dockerfile reads from the build context, in all stages: COPY and ADD sources (skipping
/// <c>--from</c> copies, which read another stage or image, URL and git ADDs, and heredoc bodies) and the sources of
/// <c>RUN --mount=type=bind</c> without <c>from</c>. Variables are expanded with the ARG and ENV defaults in scope.
/// </summary>
public static class ContextSources
{
    public static IReadOnlyList<ContextSource> Of(DockerfileModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var escape = model.Syntax.EscapeChar;
        var sources = new List<ContextSource>();
        // One budget for the whole file: ENV A2=${A1}${A1} doubles a value on every line. A value past it is unknown,
        // like one a build argument sets: the .dockerignore only needs best-effort sources and keeps what it cannot name.
        var budget = new ExpansionBudget();
        foreach (var stage in model.Stages)
        {
            var known = new Dictionary<string, string?>(model.GlobalArgs, StringComparer.Ordinal);
            foreach (var instruction in stage.Instructions)
            {
                switch (instruction.Kind)
                {
                    case InstructionKind.Arg:
                        foreach (var (name, value) in ArgDeclarations.Read(instruction))
                        {
                            // An ARG without a default re-declares a global one (keeps its value) or is unknown.
                            known[name] = value ?? (model.GlobalArgs.TryGetValue(name, out var global) ? global : null);
                        }

                        break;
                    case InstructionKind.Env when instruction.Arguments is KeyValueArguments pairs:
                        foreach (var pair in pairs.Pairs)
                        {
                            var expanded = VariableExpander.Expand(pair.Value.Value, known, escape, keepQuotes: false, budget);
                            known[pair.Key.Value] = expanded.IsFullyResolved ? expanded.Text : null;
                        }

                        break;
                    case InstructionKind.Copy or InstructionKind.Add when instruction.GetFlag("from") is null:
                        foreach (var written in SourceWords(instruction))
                        {
                            sources.Add(Resolve(written, instruction, known, escape, budget));
                        }

                        break;
                    case InstructionKind.Run:
                        foreach (var flag in instruction.Flags.Where(f => f.Name == "mount" && f.Value is not null))
                        {
                            if (BindSource(flag.Value!) is { } written)
                            {
                                sources.Add(Resolve(written, instruction, known, escape, budget));
                            }
                        }

                        break;
                    default:
                        break;
                }
            }
        }

        return sources;
    }

    private static IEnumerable<string> SourceWords(InstructionSyntax instruction)
    {
        IReadOnlyList<string> words = instruction.Arguments switch
        {
            WordArguments w => w.Words.Select(t => t.Value).ToList(),
            ExecFormArguments e => e.Values,
            _ => [],
        };

        for (var i = 0; i < words.Count - 1; i++)
        {
            var word = words[i];
            if (word.StartsWith("<<", StringComparison.Ordinal))
            {
                continue;
            }

            if (instruction.Kind == InstructionKind.Add && IsRemote(word))
            {
                continue;
            }

            yield return word;
        }
    }

    private static bool IsRemote(string word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith("git@", StringComparison.Ordinal);

    // --mount=type=bind,source=requirements.txt,target=/tmp/r.txt ; a bind mount without "from" reads the context.
    private static string? BindSource(string value)
    {
        string? type = null;
        string? source = null;
        var hasFrom = false;
        foreach (var part in value.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? part : part[..equals]).Trim().ToLowerInvariant();
            var item = equals < 0 ? string.Empty : part[(equals + 1)..].Trim();
            switch (key)
            {
                case "type":
                    type = item;
                    break;
                case "source" or "src":
                    source = item;
                    break;
                case "from":
                    hasFrom = true;
                    break;
                default:
                    break;
            }
        }

        return type == "bind" && !hasFrom ? source ?? "." : null;
    }

    private static ContextSource Resolve(string written, InstructionSyntax instruction, IReadOnlyDictionary<string, string?> known, char escape, ExpansionBudget budget)
    {
        var text = written;
        if (text.Contains('$', StringComparison.Ordinal))
        {
            var expanded = VariableExpander.Expand(text, known, escape, keepQuotes: false, budget);
            if (!expanded.IsFullyResolved)
            {
                return new ContextSource(null, written, instruction);
            }

            text = expanded.Text;
        }

        // COPY sources are relative to the context root; a leading "/" or "./" means the same.
        var cleaned = SlashPath.Clean(text);
        cleaned = cleaned.TrimStart('/');
        return new ContextSource(cleaned.Length == 0 ? "." : cleaned, written, instruction);
    }
}