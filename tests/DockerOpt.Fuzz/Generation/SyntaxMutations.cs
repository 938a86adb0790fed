using System.Text;

namespace DockerOpt.Fuzz.Generation;

/// <summary>
/// Mutations that know Dockerfile syntax: line continuations (added, removed, with trailing blanks or CR, at the end
/// of the file), heredoc markers with and without their terminator, escape directives (backtick, backslash, bad
/// ones, in odd places), the <c>--</c> end-of-flags marker and other flags, keyword case, and instructions that
/// passes read closely (ONBUILD, SHELL, exec form, ARG/ENV with modifiers, unbalanced quotes and brackets).
/// </summary>
internal static class SyntaxMutations
{
    private static readonly string[] ContinuationEndings = ["\\", "\\ ", "\\  \t", "\\\r", " \\", "`", "\\\\"];

    private static readonly string[] EofTails = ["", "\n", "\n\n", "\n# a comment\n", "\n   \n", "\n# c\n\n# d", "\r\n", " ", "\n#"];

    private static readonly string[] HeredocMarkers = ["<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOT\"", "<<EOF1 <<EOF2", "<<EOF cat", "<<", "<<-", "<< EOF"];

    private static readonly string[] EscapeDirectives =
    [
        "# escape=`", "# escape=\\", "#escape=`", "# ESCAPE = `", "# escape=x", "# escape=", "# syntax=docker/dockerfile:1",
        "# check=skip=all", "# escape=` ",
    ];

    private static readonly string[] Flags =
    [
        "--", "-- --", "--mount=type=cache,target=/root/.cache", "--network=none", "--security=insecure", "--chown=1:1",
        "--from=0", "--from=", "--platform=$BUILDPLATFORM", "--link", "--chmod=0755", "--mount=type=secret,id=x", "--=",
        "--mount", "-", "--exclude=*.md", "--keep-git-dir=true", "--start-interval=1s",
    ];

    private static readonly string[] Instructions =
    [
        "ONBUILD RUN echo hi", "ONBUILD ONBUILD RUN x", "ARG A=${B:-c}", "ARG", "ENV A=$B C=\"${A}\" D", "ENV A", "ENV =x",
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", "SHELL [\"powershell\"]", "SHELL [", "HEALTHCHECK CMD curl -f x || exit 1",
        "HEALTHCHECK NONE", "FROM scratch AS s", "FROM --platform=$X ${IMG:-debian}:${TAG} AS build", "FROM", "FROM a AS", "COPY --from=0 / /",
        "COPY . .", "COPY package*.json ./", "ADD https://example.com/x /x", "RUN [\"a\", \"b\"]", "RUN [\"a\",", "RUN [\"a\" \"b\"]",
        "RUN echo \"unterminated", "RUN echo 'a", "RUN $(echo", "RUN a && && b", "RUN apt-get update && apt-get install -y curl",
        "RUN pip install -r requirements.txt", "RUN npm ci && npm run build", "RUN go build -o /app ./...", "RUN cd / && rm -rf /var/lib/apt/lists/*",
        "CMD", "CMD [\"node\", \"x.js\"]", "CMD node x.js", "ENTRYPOINT [\"/x\"]", "EXPOSE 80/tcp 443", "EXPOSE $PORT", "USER root", "USER",
        "WORKDIR $X", "WORKDIR", "VOLUME [\"/data\"]", "VOLUME", "LABEL a=b \"c d\"=e", "LABEL", "STOPSIGNAL SIGKILL", "MAINTAINER me",
        "UNKNOWN instruction", "RUN", "COPY", "COPY a", "ADD", "RUN --mount=type=cache,target=/x npm ci", "RUN -- npm ci",
        "RUN <<EOF\necho a\nEOF", "COPY <<EOF /x\nhello\nEOF", "RUN echo $((1+2)) ${#A} ${A/b/c} ${A:1:2} ${A^^}",
        "ARG X=1\nFROM x:${X}", "FROM debian\nUSER 1000:1000", "ENV PATH=/x:$PATH",
    ];

    public static IEnumerable<Mutation> All =>
    [
        new("continuation", 4, AddContinuation),
        new("continuation-at-eof", 3, ContinuationAtEof),
        new("remove-continuation", 2, RemoveContinuation),
        new("heredoc", 3, Heredoc),
        new("escape-directive", 3, EscapeDirective),
        new("flag", 3, InsertFlag),
        new("keyword-case", 1, KeywordCase),
        new("insert-instruction", 5, InsertInstruction),
    ];

    private static byte[] AddContinuation(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        if (lines.Count == 0)
        {
            return input.Bytes;
        }

        var at = input.Random.Next(lines.Count);
        lines[at] = ByteLines.WithContent(lines[at], [.. ByteLines.Content(lines[at]), .. Ascii(input.Random.Pick(ContinuationEndings))]);
        return ByteLines.Join(lines);
    }

    // Defect 1 of issue 14: a last line ending in a continuation, maybe followed by blanks, comments or CR.
    private static byte[] ContinuationAtEof(MutationInput input)
    {
        var bytes = input.Bytes.AsSpan();
        while (!bytes.IsEmpty && bytes[^1] is (byte)'\n' or (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return [.. bytes, .. Ascii(input.Random.Pick(ContinuationEndings)), .. Ascii(input.Random.Pick(EofTails))];
    }

    private static byte[] RemoveContinuation(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        var continued = Enumerable.Range(0, lines.Count).Where(i => ByteLines.Content(lines[i]).TrimEnd(" \t"u8).EndsWith("\\"u8)).ToList();
        if (continued.Count == 0)
        {
            return input.Bytes;
        }

        var at = input.Random.Pick(continued);
        var content = ByteLines.Content(lines[at]).TrimEnd(" \t"u8);
        lines[at] = ByteLines.WithContent(lines[at], content[..^1]);
        return ByteLines.Join(lines);
    }

    private static byte[] Heredoc(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        var at = input.Random.Next(lines.Count + 1);
        var marker = input.Random.Pick(HeredocMarkers);
        var name = marker.Contains("EOT", StringComparison.Ordinal) ? "EOT" : marker.Contains("EOF1", StringComparison.Ordinal) ? "EOF1" : "EOF";
        var body = new StringBuilder();
        body.Append(input.Random.Chance(0.5) ? $"RUN {marker}\n" : $"COPY {marker} /target\n");
        for (var i = input.Random.Next(4); i > 0; i--)
        {
            body.Append(input.Random.Pick(["echo $HOME", "\tindented", "apt-get install -y x \\", "", "EOF2", "#!/bin/sh"])).Append('\n');
        }

        // Sometimes no terminator: the heredoc runs to the end of the file.
        if (input.Random.Chance(0.75))
        {
            body.Append(input.Random.Chance(0.8) ? name : "\t" + name).Append('\n');
        }

        if (at < lines.Count && at > 0 && ByteLines.Terminator(lines[at - 1]).IsEmpty)
        {
            lines[at - 1] = [.. lines[at - 1], (byte)'\n'];
        }

        lines.Insert(at, Ascii(body.ToString()));
        return ByteLines.Join(lines);
    }

    private static byte[] EscapeDirective(MutationInput input)
    {
        var chosen = input.Random.Pick(EscapeDirectives);
        var directive = Ascii(chosen + "\n");
        var bytes = input.Bytes;
        if (chosen.Contains('`', StringComparison.Ordinal) && input.Random.Chance(0.85))
        {
            // Backtick escape: continuations written the Windows way, so the file still means something.
            bytes = [.. Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\\\n", "`\n", StringComparison.Ordinal))];
        }

        if (input.Random.Chance(0.8))
        {
            return [.. directive, .. bytes];
        }

        // A directive after a comment or an instruction is a plain comment (BuildKit reads directives only at the top).
        var lines = ByteLines.Split(bytes);
        lines.Insert(input.Random.Next(lines.Count + 1), directive);
        return ByteLines.Join(lines);
    }

    private static byte[] InsertFlag(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        var instructions = Enumerable.Range(0, lines.Count).Where(i => StartsWithKeyword(lines[i])).ToList();
        if (instructions.Count == 0)
        {
            return input.Bytes;
        }

        var at = input.Random.Pick(instructions);
        var content = ByteLines.Content(lines[at]);
        var keywordEnd = content.IndexOfAny(" \t"u8);
        if (keywordEnd < 0)
        {
            keywordEnd = content.Length;
        }

        lines[at] = ByteLines.WithContent(lines[at], [.. content[..keywordEnd], .. " "u8, .. Ascii(input.Random.Pick(Flags)), .. content[keywordEnd..]]);
        return ByteLines.Join(lines);
    }

    private static byte[] KeywordCase(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        var instructions = Enumerable.Range(0, lines.Count).Where(i => StartsWithKeyword(lines[i])).ToList();
        if (instructions.Count == 0)
        {
            return input.Bytes;
        }

        var at = input.Random.Pick(instructions);
        var line = (byte[])lines[at].Clone();
        for (var i = 0; i < line.Length && line[i] is not ((byte)' ' or (byte)'\t'); i++)
        {
            if (input.Random.Chance(0.5))
            {
                line[i] = (byte)(line[i] ^ 0x20);
            }
        }

        lines[at] = line;
        return ByteLines.Join(lines);
    }

    private static byte[] InsertInstruction(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        var at = input.Random.Next(lines.Count + 1);
        if (at > 0 && ByteLines.Terminator(lines[at - 1]).IsEmpty)
        {
            lines[at - 1] = [.. lines[at - 1], (byte)'\n'];
        }

        var text = input.Random.Pick(Instructions) + (at < lines.Count || input.Random.Chance(0.5) ? "\n" : string.Empty);
        lines.Insert(at, Ascii(text));
        return ByteLines.Join(lines);
    }

    private static bool StartsWithKeyword(byte[] line) => line.Length > 1 && char.IsAsciiLetter((char)line[0]);

    private static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);
}