using DockerOpt.Core.Editing;
using DockerOpt.Core.Images;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Catalog;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.Stages;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Moves the image of the final (runtime) stage down its family's ladder in the base-image catalog: full → slim by
/// default, → alpine only with <c>--level aggressive</c>, each step only when the catalog's requirements for it hold
/// (no tool only the full image ships, no glibc dependency for alpine). The version in the tag is kept.
/// </summary>
public sealed class BaseImagePass : IRewritePass
{
    public const string Id = "base-image";

    private readonly BaseImageCatalog catalog;

    public BaseImagePass()
        : this(BaseImageCatalog.Default)
    {
    }

    public BaseImagePass(BaseImageCatalog catalog)
    {
        this.catalog = catalog;
    }

    public PassInfo Info { get; } = new(
        Id,
        "Smaller base image for the runtime stage",
        "Swaps the final stage's official image for a smaller variant of the same version (python:3.12 → python:3.12-slim; "
        + "alpine only with --level aggressive) when the stage needs nothing the smaller image lacks. "
        + "Leaves builder stages (they need compilers), digest-pinned images, images named with variables, images outside "
        + "the catalog and tags it does not know alone.",
        PassCategory.Size,
        PassSafety.ChangesBehaviour,
        [
            "builder stages keep their image",
            "digest-pinned images",
            "image names built from variables",
            "images and tags not in the catalog",
            "alpine unless --level aggressive, and never when the stage depends on glibc",
        ],
        "FROM python:3.12\nCOPY --from=build /opt/venv /opt/venv\nCMD [\"python\", \"-m\", \"app\"]\n",
        "FROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nCMD [\"python\", \"-m\", \"app\"]\n",
        [])
    {
        Roles = RolePolicy.LeafApps("a different base image changes what ships, and for a base image what every image built FROM it inherits"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Model.FinalStage is not { } stage || stage.From.Arguments is not FromArguments { Image: { } imageToken })
        {
            return PassResult.Empty;
        }

        var findings = new List<Finding>();
        var edit = Decide(context, stage, imageToken, findings);
        return new PassResult(edit is null ? [] : [edit], [.. findings], []);
    }

    private TextEdit? Decide(PassContext context, StageModel stage, SyntaxToken imageToken, List<Finding> findings)
    {
        void Decline(string message) => findings.Add(PassContext.At(Id, stage.From, FindingKind.Declined, message));

        if (stage.BaseKind is StageBaseKind.Scratch or StageBaseKind.PreviousStage)
        {
            return null;
        }

        var image = ImageReference.Parse(stage.BaseText);
        var family = catalog.FindFamily(image.Registry is null ? image.Path : $"{image.Registry}/{image.Path}");
        if (family is null)
        {
            return null;
        }

        if (context.IsIgnored(stage.From))
        {
            Decline("a dockeropt pragma keeps this base image");
            return null;
        }

        if (stage.BaseKind == StageBaseKind.Unresolved || image.HasVariables)
        {
            Decline($"'{stage.BaseText}' is built from variables; the variable's value is the place to choose a smaller image");
            return null;
        }

        if (image.IsDigestPinned)
        {
            Decline($"'{image}' is pinned by digest: the digest pins the exact bytes the user chose, and the smaller variant's digest cannot be known without a registry");
            return null;
        }

        if (!string.Equals(imageToken.Text, stage.BaseText, StringComparison.Ordinal))
        {
            Decline($"the image name '{imageToken.Text}' is written with quotes or continuations; left as written");
            return null;
        }

        var tag = image.Tag ?? "latest";
        if (family.Classify(tag) is not { } current)
        {
            Decline($"the tag '{tag}' of {family.Repository} is not in the catalog, so its smaller variant is unknown");
            return null;
        }

        var ecosystem = family.EcosystemId is { } id ? EcosystemTable.Find(id) : null;
        var input = new RequirementInput(context.Model, StageFacts.Of(context.Model, stage), family, ecosystem, context.BuildContext);
        (ImageVariant Variant, string Tag)? chosen = null;
        var refusals = new List<string>();
        for (var i = current.Index + 1; i < family.Variants.Length; i++)
        {
            var variant = family.Variants[i];
            if (variant.Level == RewriteLevel.Aggressive && context.Options.Level != RewriteLevel.Aggressive)
            {
                continue;
            }

            var reason = variant.Requires.Select(r => BaseImageRequirements.Check(r, input)).FirstOrDefault(r => r is not null);
            var newTag = variant.Render(current.Values, family.Keep);
            if (reason is null && newTag is null)
            {
                reason = $"no {variant.Name} tag keeps the version of '{tag}'";
            }

            if (reason is not null)
            {
                refusals.Add($"not {variant.Name}: {reason}");
                continue;
            }

            chosen = (variant, newTag!);
        }

        if (chosen is not { } target)
        {
            if (refusals.Count > 0)
            {
                Decline($"'{image}' stays: {string.Join("; ", refusals)}");
            }

            return null;
        }

        var newImage = image.WithTag(target.Tag).Text;
        var why = target.Variant.Level == RewriteLevel.Aggressive
            ? $"the runtime stage needs neither glibc nor tools only the {family.Variants[current.Index].Name} image ships"
            : $"the runtime stage uses nothing that only the {family.Variants[current.Index].Name} image ships";
        findings.Add(PassContext.At(
            Id,
            stage.From,
            FindingKind.Applied,
            $"{image} → {newImage}: {why}; the smaller image lacks packages the app may load at run time, which verify checks",
            changesBehaviour: true));
        foreach (var refusal in refusals)
        {
            findings.Add(PassContext.At(Id, stage.From, FindingKind.Declined, $"{newImage} is as far as it goes: {refusal}"));
        }

        return TextEdit.Replace(imageToken.Span, newImage);
    }
}