namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// What the Dockerfiles sharing an ignore file need from the context beyond their COPY sources: the context's git
/// repository (why, or null), and, for each other Dockerfile that reads the shared file, the facts of its build.
/// </summary>
public sealed record ContextNeeds(string? GitReason, IReadOnlyList<(ContextDockerfile File, BuildFacts Facts)> Sharing)
{
    /// <summary>
    /// Another Dockerfile that copies the whole context, shows the rule's ecosystem and does not itself install (for a
    /// dependency folder) or build (for build output) it: the folder from the context may be what it ships.
    /// </summary>
    public ContextDockerfile? RelyingOn(IgnoreRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Ecosystem is not { } ecosystem)
        {
            return null;
        }

        foreach (var (file, facts) in Sharing)
        {
            var copiesAll = file.Sources.Any(s => s.Path == ".");
            var doesItself = rule.Trigger == IgnoreTrigger.Installs ? facts.Installs(ecosystem) : facts.Builds(ecosystem);
            if (copiesAll && facts.Has(ecosystem) && !doesItself)
            {
                return file;
            }
        }

        return null;
    }
}