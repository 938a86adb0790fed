using DockerOpt.Core.Editing;

namespace DockerOpt.Transforms.Stages;

/// <summary>The edits that make a go build a release build, what they add, or why the build is left alone.</summary>
public sealed record GoReleaseFlagsPlan(string? Decline, IReadOnlyList<TextEdit> Edits, string Added)
{
    public static GoReleaseFlagsPlan Declined(string reason) => new(reason, [], string.Empty);
}