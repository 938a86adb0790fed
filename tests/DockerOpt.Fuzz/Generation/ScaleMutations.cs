using System.Text;

namespace DockerOpt.Fuzz.Generation;

/// <summary>
/// Mutations that make inputs large in one dimension, with sizes spread over orders of magnitude (mostly small):
/// deep <c>${a-${a-...}}</c> nesting (on one line or one level per continuation line), ENV chains that double at each
/// step, very long lines and <c>&amp;&amp;</c> chains, many instructions and many stages. They find what grows faster
/// than the input: recursion depth, quadratic passes, exponential expansion.
/// </summary>
internal static class ScaleMutations
{
    /// <summary>The largest nesting depth and instruction count drawn; log-uniform, so most inputs stay small.</summary>
    public const int MaxCount = 50_000;

    /// <summary>The longest line drawn, in bytes.</summary>
    public const int MaxLineLength = 1_000_000;

    private static readonly string[] NestingHosts = ["FROM {0}", "ENV A={0}", "ARG A={0}", "COPY {0} /x", "RUN echo {0}", "LABEL a={0}", "WORKDIR {0}", "USER {0}", "EXPOSE {0}"];

    private static readonly string[] NestingModifiers = ["-", ":-", "+", ":+", "?", "#", "%"];

    private static readonly string[] LongLineTokens = ["x", "a ", "$a", "${a}", " && true", " && apt-get install -y x", " \\\n  y", "\"", "'q' ", " ;", " | cat"];

    private static readonly string[] RepeatedLines =
    [
        "RUN echo {0}", "RUN apt-get update && apt-get install -y p{0}", "COPY f{0} /f{0}", "ENV V{0}=${{V{0}}}x", "ARG A{0}=1",
        "FROM debian:bookworm AS s{0}", "FROM s{0} AS t{0}\nRUN npm ci", "LABEL l{0}=v", "# comment {0}", "", "WORKDIR /w{0}",
        "RUN pip install p{0} && rm -rf /root/.cache", "COPY --from=s{0} /a /b", "USER u{0}",
    ];

    public static IEnumerable<Mutation> All =>
    [
        new("deep-nesting", 2, DeepNesting),
        new("exponential-env", 1, ExponentialEnv),
        new("long-line", 1, LongLine),
        new("many-instructions", 2, ManyInstructions),
    ];

    private static byte[] DeepNesting(MutationInput input)
    {
        var depth = input.Random.LogUniform(MaxCount);
        var modifier = input.Random.Pick(NestingModifiers);
        var perLine = input.Random.Chance(0.3);
        var builder = new StringBuilder(depth * 6);
        for (var i = 0; i < depth; i++)
        {
            builder.Append("${a").Append(modifier);
            if (perLine)
            {
                builder.Append("\\\n");
            }
        }

        builder.Append('x').Append('}', depth);
        var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, input.Random.Pick(NestingHosts), builder);
        return InsertLine(input, line);
    }

    // Defect 5 of issue 14: each ENV doubles the value of the one before.
    private static byte[] ExponentialEnv(MutationInput input)
    {
        var levels = input.Random.Between(2, 32);
        var builder = new StringBuilder("FROM debian\nENV A0=ab\n");
        for (var i = 1; i <= levels; i++)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"ENV A{i}=${{A{i - 1}}}${{A{i - 1}}}\n");
        }

        builder.Append(input.Random.Pick([$"COPY ${{A{levels}}} /x", $"RUN echo $A{levels}", $"WORKDIR /${{A{levels}}}", $"FROM ${{A{levels}}}", $"USER ${{A{levels}}}"]));
        builder.Append('\n');
        return input.Random.Chance(0.5) ? Encoding.UTF8.GetBytes(builder.ToString()) : InsertLine(input, builder.ToString().TrimEnd('\n'));
    }

    private static byte[] LongLine(MutationInput input)
    {
        var length = input.Random.LogUniform(MaxLineLength);
        var token = input.Random.Pick(LongLineTokens);
        var builder = new StringBuilder(input.Random.Pick(["RUN echo", "RUN apt-get update", "ENV A=", "LABEL a=", "COPY", "# ", "FROM x", "CMD [\"a\""]));
        while (builder.Length < length)
        {
            builder.Append(token);
        }

        return InsertLine(input, builder.ToString());
    }

    private static byte[] ManyInstructions(MutationInput input)
    {
        var count = input.Random.LogUniform(MaxCount);
        var builder = new StringBuilder();
        var template = input.Random.Chance(0.7) ? input.Random.Pick(RepeatedLines) : null;
        for (var i = 0; i < count; i++)
        {
            var line = template ?? input.Random.Pick(RepeatedLines);
            builder.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, line, i).Append('\n');
        }

        return InsertLine(input, builder.ToString().TrimEnd('\n'));
    }

    /// <summary>Inserts a line (or lines) at a random line of the input, or makes it the whole file after a FROM.</summary>
    private static byte[] InsertLine(MutationInput input, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        var lines = ByteLines.Split(input.Bytes);
        if (lines.Count == 0 || input.Random.Chance(0.2))
        {
            return [.. "FROM debian\n"u8, .. bytes];
        }

        var at = input.Random.Between(1, lines.Count);
        if (ByteLines.Terminator(lines[at - 1]).IsEmpty)
        {
            lines[at - 1] = [.. lines[at - 1], (byte)'\n'];
        }

        lines.Insert(at, bytes);
        return ByteLines.Join(lines);
    }
}