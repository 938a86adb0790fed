using DockerOpt.Core.Editing;
using DockerOpt.Core.Passes;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// What a planner decided for a single stage that builds: the edits to the stage (which becomes the builder), the
/// lines of the runtime stage appended after it, and the finding that says what the split does; or why it declines.
/// </summary>
/// <param name="Decline">Why the stage stays whole, or null.</param>
/// <param name="BuilderEdits">Edits to the original stage.</param>
/// <param name="Runtime">The runtime stage, one instruction per line.</param>
/// <param name="Summary">The applied finding's message.</param>
/// <param name="Notes">Further findings (advice, flags a split added), reported whether or not it declines.</param>
public sealed record SplitPlan(string? Decline, IReadOnlyList<TextEdit> BuilderEdits, List<string> Runtime, string? Summary, IReadOnlyList<Finding>? Notes = null)
{
    public static SplitPlan Declined(string reason, IReadOnlyList<Finding>? notes = null) => new(reason, [], [], null, notes);
}