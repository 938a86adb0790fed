using System.CommandLine;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Input;
using DockerOpt.Syntax;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt parse</c>: shows how dockeropt reads a Dockerfile (a tree dump, or the JSON contract other tools
/// consume), and with --roundtrip checks the lossless law on any number of files.
/// </summary>
public sealed class ParseCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt parse Dockerfile                  # the syntax tree",
        "dockeropt parse --format json Dockerfile    # the JSON contract",
        "dockeropt parse --roundtrip .               # check the byte-for-byte round trip of every Dockerfile below .",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dockerfiles, or directories to search for them",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "text (a tree dump) or json (the documented contract)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var roundtrip = new Option<bool>("--roundtrip")
        {
            Description = "Check that printing each parsed file gives back its exact bytes; print only the ones that do not",
        };

        var command = new Command("parse", "Parse Dockerfiles and print their syntax tree or JSON, or check the lossless round-trip")
        {
            paths,
            format,
            roundtrip,
        };
        command.SetAction(parseResult => Run(
            console,
            parseResult.GetRequiredValue(paths),
            parseResult.GetValue(format) ?? "text",
            parseResult.GetValue(roundtrip)));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, string format, bool roundtrip)
    {
        var files = DockerfileDiscovery.Find(paths, console);
        return roundtrip ? RunRoundTrip(console, files) : format == "json" ? RunJson(console, files) : RunText(console, files);
    }

    private static int RunRoundTrip(CliConsole console, IReadOnlyList<string> files)
    {
        var identical = 0;
        var unreadable = 0;
        foreach (var file in files)
        {
            var display = DisplayPath.For(file, console.WorkingDirectory);
            if (DockerfileLoader.TryRead(file, display, out var bytes) is { } failure)
            {
                // Not a round-trip result at all: the file is bad input (exit 2), and the others are still checked.
                console.Error.WriteLine(failure);
                unreadable++;
                continue;
            }

            var loaded = DockerfileLoader.Decode(bytes, display);
            if (loaded.Syntax is null)
            {
                console.Out.WriteLine($"{display}: not text: {loaded.Diagnostics[0].Message}");
                continue;
            }

            var printed = System.Text.Encoding.UTF8.GetBytes(loaded.Syntax.ToFullString());
            if (printed.AsSpan().SequenceEqual(bytes))
            {
                identical++;
            }
            else
            {
                console.Out.WriteLine($"{display}: differs at byte {FirstDifference(bytes, printed)}");
            }
        }

        console.Out.WriteLine($"{identical}/{files.Count} files round-trip byte-identical");
        return unreadable > 0 ? ExitCodes.BadInput : identical == files.Count ? ExitCodes.Success : ExitCodes.ChangesPendingOrCheckFailed;
    }

    private static int RunJson(CliConsole console, IReadOnlyList<string> files)
    {
        var exit = ExitCodes.Success;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, ParseJsonWriter.ReadableOptions))
        {
            if (files.Count > 1)
            {
                writer.WriteStartArray();
            }

            foreach (var file in files)
            {
                var loaded = Load(console, file);
                if (loaded.Syntax is null || loaded.Syntax.HasErrors)
                {
                    exit = ExitCodes.BadInput;
                }

                if (loaded.Syntax is not null)
                {
                    ParseJsonWriter.Write(writer, loaded.Syntax);
                }
            }

            if (files.Count > 1)
            {
                writer.WriteEndArray();
            }
        }

        console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return exit;
    }

    private static int RunText(CliConsole console, IReadOnlyList<string> files)
    {
        var exit = ExitCodes.Success;
        foreach (var file in files)
        {
            var loaded = Load(console, file);
            if (loaded.Syntax is null || loaded.Syntax.HasErrors)
            {
                exit = ExitCodes.BadInput;
            }

            if (loaded.Syntax is not null)
            {
                if (files.Count > 1)
                {
                    console.Out.WriteLine($"# {loaded.Syntax.Source.DisplayPath}");
                }

                console.Out.Write(SyntaxTreeDumper.Dump(loaded.Syntax));
            }
        }

        return exit;
    }

    /// <summary>Loads a file and reports its diagnostics on stderr as <c>file:line:col: severity: message</c>.</summary>
    private static LoadResult Load(CliConsole console, string file)
    {
        var loaded = DockerfileLoader.Load(file);
        var display = DisplayPath.For(file, console.WorkingDirectory);
        foreach (var diagnostic in loaded.AllDiagnostics)
        {
            console.Error.WriteLine(diagnostic with { Path = display });
        }

        return loaded;
    }

    private static int FirstDifference(byte[] expected, byte[] actual)
    {
        var length = Math.Min(expected.Length, actual.Length);
        for (var i = 0; i < length; i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }

        return length;
    }
}