namespace DockerOpt.Transforms.Ecosystems;

/// <summary>One reason to think a Dockerfile belongs to an ecosystem: a base image, a command, or a context file.</summary>
public sealed record EcosystemEvidence(Ecosystem Ecosystem, EvidenceSource Source, string Detail)
{
    /// <summary>How strongly this kind of evidence counts: an official base image says most, a tool call least.</summary>
    public int Weight => Source switch
    {
        EvidenceSource.BaseImage => 3,
        EvidenceSource.ContextFile => 2,
        _ => 1,
    };

    public override string ToString() => $"{Ecosystem.Id}: {Source} {Detail}";
}

/// <summary>Where a piece of ecosystem evidence came from.</summary>
public enum EvidenceSource
{
    BaseImage,
    Command,
    ContextFile,
}