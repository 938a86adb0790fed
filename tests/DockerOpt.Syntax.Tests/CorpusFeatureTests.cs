using DockerOpt.TestKit;

using Xunit.Abstractions;

namespace DockerOpt.Syntax.Tests;

/// <summary>
/// The corpus ships FEATURES.tsv, an independent labelling of what each file uses. The tree must find the same
/// constructs: this checks the meaning of the parse, not only that it prints back.
/// </summary>
public sealed class CorpusFeatureTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Func<DockerfileSyntax, bool>> Checks = new(StringComparer.Ordinal)
    {
        ["heredoc"] = s => s.Instructions.Any(i => !i.Heredocs.IsEmpty),
        ["escape_backtick"] = s => s.EscapeChar == '`',
        ["escape_directive"] = s => s.GetDirective("escape") is not null,
        ["syntax_directive"] = s => s.GetDirective("syntax") is not null,
        ["bom"] = s => s.Source.HasByteOrderMark,
        ["crlf"] = s => s.Source.Lines.Any(l => l.Ending == LineEnding.CrLf),
        ["onbuild"] = s => s.Instructions.Any(i => i.Kind == InstructionKind.Onbuild),
        ["healthcheck"] = s => s.Instructions.Any(i => i.Kind == InstructionKind.Healthcheck),
        ["shell_instr"] = s => s.Instructions.Any(i => i.Kind == InstructionKind.Shell),
        ["json_exec_form"] = s => AllInstructions(s).Any(i => i.Kind is InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint && i.Form == InstructionForm.Exec),
        ["run_mount"] = s => AllInstructions(s).Any(i => i.Kind == InstructionKind.Run && i.GetFlag("mount") is not null),
        ["from_flag"] = s => AllInstructions(s).Any(i => i.GetFlag("from") is not null),
        ["chown"] = s => AllInstructions(s).Any(i => i.GetFlag("chown") is not null),
        ["chmod"] = s => AllInstructions(s).Any(i => i.GetFlag("chmod") is not null),
        ["link"] = s => AllInstructions(s).Any(i => i.GetFlag("link") is not null),
        ["platform"] = s => AllInstructions(s).Any(i => i.GetFlag("platform") is not null),
        ["multi_stage"] = s => s.Instructions.Count(i => i.Kind == InstructionKind.From) > 1,
        ["lowercase_instr"] = s => AllInstructions(s).Any(i => i.Kind != InstructionKind.Unknown && i.Keyword.Text.Any(char.IsLower)),
    };

    /// <summary>
    /// Labels that are wrong, each checked by reading the file: the labeller matches text, the parser reads it as
    /// BuildKit does. <c>line_continuation</c> is not compared at all: the labeller counts a trailing backslash in
    /// comment lines and a trailing backtick in files without <c># escape=`</c>, neither of which continues a line.
    /// </summary>
    private static readonly Dictionary<(string File, string Feature), string> WrongLabels = new()
    {
        [("dotnet__dotnet-docker/eng__docker-tools__Dockerfile.syft", "json_exec_form")] = "exec form after flags or on a continuation line",
        [("jupyter__docker-stacks/docs__using__recipe_code__custom_environment.dockerfile", "chown")] = "the flag is in a comment line",
        [("GoogleCloudPlatform__cloud-builders-community/glide__examples__build-glide__Dockerfile", "json_exec_form")] = "a bracket that is not a JSON array ([ test ] or single quotes): BuildKit reads shell form",
        [("GoogleCloudPlatform__cloud-builders-community/npm-cli-package__Dockerfile", "json_exec_form")] = "a bracket that is not a JSON array ([ test ] or single quotes): BuildKit reads shell form",
        [("open-telemetry__opentelemetry-demo/src__shipping__Dockerfile", "lowercase_instr")] = "the lower-case word starts a continuation line or is AS, not an instruction",
        [("dotnet-architecture__eShopOnContainers/src__ApiGateways__Mobile.Bff.Shopping__aggregator__Dockerfile.develop", "json_exec_form")] = "a bracket that is not a JSON array ([ test ] or single quotes): BuildKit reads shell form",
        [("dotnet-architecture__eShopOnContainers/src__ApiGateways__Web.Bff.Shopping__aggregator__Dockerfile.develop", "json_exec_form")] = "a bracket that is not a JSON array ([ test ] or single quotes): BuildKit reads shell form",
        [("moby__moby/contrib__syscall-test__Dockerfile", "json_exec_form")] = "a bracket that is not a JSON array ([ test ] or single quotes): BuildKit reads shell form",
        [("docker__cli/dockerfiles__Dockerfile.vendor", "heredoc")] = "heredoc marker after continued --mount flags",
        [("docker__buildx/hack__dockerfiles__docs.Dockerfile", "heredoc")] = "heredoc marker after continued --mount flags",
        [("docker__buildx/hack__dockerfiles__lint.Dockerfile", "json_exec_form")] = "a bracket that is not a JSON array ([ test ] or single quotes): BuildKit reads shell form",
        [("docker__buildx/hack__dockerfiles__vendor.Dockerfile", "heredoc")] = "heredoc marker after continued --mount flags",
        [("containers__buildah/tests__bud__add-chmod__Dockerfile.bad", "chmod")] = "flag written without =, which the labeller missed (a deliberately bad file)",
        [("containers__buildah/tests__bud__add-chown__Dockerfile.bad", "chown")] = "flag written without =, which the labeller missed (a deliberately bad file)",
        [("containers__buildah/tests__bud__copy-chmod__Dockerfile.bad", "chmod")] = "flag written without =, which the labeller missed (a deliberately bad file)",
        [("containers__buildah/tests__bud__copy-chown__Dockerfile.bad", "chown")] = "flag written without =, which the labeller missed (a deliberately bad file)",
        [("containers__buildah/tests__bud__copy-from__Dockerfile.bad", "from_flag")] = "flag written without = or with an unusual value (a deliberately bad file)",
        [("containers__buildah/tests__bud__copy-multistage-paths__Dockerfile.invalid_from", "from_flag")] = "flag written without = or with an unusual value (a deliberately bad file)",
        [("containers__buildah/tests__bud__verify-cleanup__Dockerfile", "json_exec_form")] = "a bracket that is not a JSON array ([ test ] or single quotes): BuildKit reads shell form",
        [("containers__buildah/tests__conformance__testdata__mount-targets__Dockerfile.mount", "json_exec_form")] = "exec form after flags or on a continuation line",
        [("bridgecrewio__checkov/tests__dockerfile__graph_builder__checks__resources__RunApkAllowUntrusted__fail__Dockerfile", "lowercase_instr")] = "the lower-case word starts a continuation line or is AS, not an instruction",
    };

    [CorpusFact]
    public void The_tree_finds_the_features_the_corpus_labels_say_each_file_uses()
    {
        string[] rows = File.ReadAllLines(Path.Combine(Repo.CorpusDirectory, "FEATURES.tsv"));
        string[] header = rows[0].Split('\t');
        var mismatches = new List<string>();
        int checkedLabels = 0;
        foreach (string row in rows.Skip(1))
        {
            string[] cells = row.Split('\t');
            string path = Path.Combine(Repo.CorpusDirectory, cells[0]);
            DockerfileSyntax syntax = DockerfileLoader.Load(path).Syntax ?? throw new InvalidOperationException($"{cells[0]} did not load");
            for (int column = 1; column < header.Length; column++)
            {
                if (!Checks.TryGetValue(header[column], out Func<DockerfileSyntax, bool>? check))
                {
                    continue;
                }

                bool labelled = cells[column] == "1";
                checkedLabels++;
                if (check(syntax) != labelled && !WrongLabels.ContainsKey((cells[0], header[column])))
                {
                    mismatches.Add($"{cells[0]}: {header[column]} labelled {(labelled ? 1 : 0)}, tree says {(labelled ? 0 : 1)}");
                }
            }
        }

        output.WriteLine($"{checkedLabels} labels checked, {mismatches.Count} differ");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static IEnumerable<InstructionSyntax> AllInstructions(DockerfileSyntax syntax)
    {
        foreach (InstructionSyntax instruction in syntax.Instructions)
        {
            yield return instruction;
            if (instruction.Arguments is OnbuildArguments { Instruction: { } inner })
            {
                yield return inner;
            }
        }
    }
}