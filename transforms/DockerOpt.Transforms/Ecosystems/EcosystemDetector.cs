using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// Finds the ecosystems of a Dockerfile or of one stage from three kinds of evidence: the base image (a stage
/// built FROM an earlier stage inherits that stage's image), the tools its RUN instructions call, and the
/// manifests at the root of the build context. Everything it knows comes from <see cref="EcosystemTable"/>.
/// </summary>
public static class EcosystemDetector
{
    /// <summary>The ecosystems of the whole file: every stage plus the build context.</summary>
    public static EcosystemDetection Detect(DockerfileModel model, IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var evidence = model.Stages.SelectMany(stage => StageEvidence(model, stage)).Concat(ContextEvidence(context));
        return new EcosystemDetection([.. evidence]);
    }

    /// <summary>The ecosystems of one stage: its image chain and its commands, plus the build context.</summary>
    public static EcosystemDetection Detect(DockerfileModel model, StageModel stage, IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(context);
        return new EcosystemDetection([.. StageEvidence(model, stage), .. ContextEvidence(context)]);
    }

    /// <summary>The ecosystem whose official images include this image (<c>python:3.12-slim</c> → Python), or null.</summary>
    public static Ecosystem? FromImage(string imageText)
    {
        ArgumentNullException.ThrowIfNull(imageText);
        var repository = RepositoryPath(imageText);
        return EcosystemTable.All.FirstOrDefault(e => e.ImageRepositories.Any(r => repository == r || repository.EndsWith("/" + r, StringComparison.Ordinal)));
    }

    /// <summary>The context files that are manifests of this ecosystem, in the ecosystem's copy order.</summary>
    public static IReadOnlyList<string> ManifestsIn(Ecosystem ecosystem, IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        ArgumentNullException.ThrowIfNull(context);
        var rootFiles = context.ListDirectory(string.Empty).Where(name => context.FileExists(name)).ToList();
        var found = new List<string>();
        foreach (var manifest in ecosystem.Manifests)
        {
            found.AddRange(rootFiles.Where(name => manifest.Matches(name) && !found.Contains(name)));
        }

        return found;
    }

    private static IEnumerable<EcosystemEvidence> StageEvidence(DockerfileModel model, StageModel stage)
    {
        if (ImageOf(model, stage) is { } image && FromImage(image) is { } fromImage)
        {
            yield return new EcosystemEvidence(fromImage, EvidenceSource.BaseImage, image);
        }

        foreach (var instruction in stage.Instructions.Where(i => i.Kind == InstructionKind.Run))
        {
            foreach (var tool in RunScripts.Tools(model, instruction))
            {
                foreach (var ecosystem in EcosystemTable.All.Where(e => e.Tools.Contains(tool.Program)))
                {
                    yield return new EcosystemEvidence(ecosystem, EvidenceSource.Command, tool.Command.Text);
                }
            }
        }
    }

    private static IEnumerable<EcosystemEvidence> ContextEvidence(IBuildContext context)
    {
        if (!context.IsKnown)
        {
            yield break;
        }

        foreach (var ecosystem in EcosystemTable.All)
        {
            foreach (var file in ManifestsIn(ecosystem, context))
            {
                yield return new EcosystemEvidence(ecosystem, EvidenceSource.ContextFile, file);
            }
        }
    }

    // FROM build → the image the 'build' stage starts from.
    private static string? ImageOf(DockerfileModel model, StageModel stage)
    {
        var current = stage;
        for (var guard = 0; guard <= model.Stages.Length && current is not null; guard++)
        {
            if (current.BaseKind == StageBaseKind.ExternalImage)
            {
                return current.ResolvedBaseText;
            }

            current = current.BaseKind == StageBaseKind.PreviousStage && current.BaseStageIndex is { } index ? model.Stages[index] : null;
        }

        return null;
    }

    // docker.io/library/node:20@sha256:... → docker.io/library/node
    private static string RepositoryPath(string imageText)
    {
        var text = imageText.Trim().ToLowerInvariant();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[..at];
        }

        var colon = text.LastIndexOf(':');
        return colon > text.LastIndexOf('/') ? text[..colon] : text;
    }
}