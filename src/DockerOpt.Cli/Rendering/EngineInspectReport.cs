using System.Globalization;

using DockerOpt.Engine.Analysis;
using DockerOpt.Engine.Budget;

using Spectre.Console;

namespace DockerOpt.Cli.Rendering;

/// <summary>The text form of <c>dockeropt inspect</c>: summary, layers, largest paths, waste and named bloat.</summary>
public static class EngineInspectReport
{
    private const int InstructionWidth = 70;

    public static void Render(IAnsiConsole console, ImageAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(analysis);
        console.MarkupLine($"[bold]{Markup.Escape(analysis.Image)}[/]: {ByteSize.Format(analysis.UncompressedSize)} uncompressed, "
            + $"{ByteSize.Format(analysis.CompressedSize)} compressed (pull), {analysis.Layers.Length} layers");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"efficiency {analysis.Efficiency.Score:0.000}, wasted {ByteSize.Format(analysis.WastedBytes)} (files overwritten or deleted by later layers)"));

        var layers = new Table().Title("Layers").AddColumns("#", "size", "compressed", "instruction");
        layers.Columns[1].RightAligned();
        layers.Columns[2].RightAligned();
        foreach (var layer in analysis.Layers)
        {
            layers.AddRow(
                layer.Index.ToString(CultureInfo.InvariantCulture),
                ByteSize.Format(layer.UncompressedSize),
                ByteSize.Format(layer.CompressedSize),
                Markup.Escape(Shorten(layer.Instruction)));
        }

        console.Write(layers);
        console.Write(PathTable("Largest directories", analysis.LargestDirectories));
        console.Write(PathTable("Largest files", analysis.LargestFiles));

        if (!analysis.Efficiency.Inefficiencies.IsEmpty)
        {
            var waste = new Table().Title("Wasted space").AddColumns("path", "bytes", "layers");
            waste.Columns[1].RightAligned();
            foreach (var item in analysis.Efficiency.Inefficiencies.Take(ImageAnalyzer.TopCount))
            {
                waste.AddRow(Markup.Escape(item.Path), ByteSize.Format(item.CumulativeSize), string.Join(", ", item.Layers));
            }

            console.Write(waste);
        }

        if (analysis.Findings.IsEmpty)
        {
            console.WriteLine("No named bloat found.");
            return;
        }

        console.MarkupLine("[bold]Findings[/]");
        foreach (var finding in analysis.Findings)
        {
            console.MarkupLine($"  {Markup.Escape(finding.Rule.Id)}: {Markup.Escape(finding.Rule.Title)}, {ByteSize.Format(finding.Bytes)} in {finding.FileCount} files "
                + $"({Markup.Escape(string.Join(", ", finding.Roots.Select(static root => root.Path)))})");
            console.MarkupLine($"    [dim]fix: {Markup.Escape(finding.Rule.Hint)}[/]");
        }
    }

    private static Table PathTable(string title, IEnumerable<PathSize> paths)
    {
        var table = new Table().Title(title).AddColumns("path", "size");
        table.Columns[1].RightAligned();
        foreach (var path in paths)
        {
            table.AddRow(Markup.Escape(path.Path), ByteSize.Format(path.Size));
        }

        return table;
    }

    private static string Shorten(string text) => text.Length <= InstructionWidth ? text : text[..(InstructionWidth - 3)] + "...";
}