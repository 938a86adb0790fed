using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// Splits one ecosystem's single stage into a builder and a runtime stage. An ecosystem's row in
/// <see cref="Ecosystems.EcosystemTable"/> names its planner; the multi-stage pass has already checked what every
/// split needs (a readable stage, no VOLUME/ONBUILD/SHELL, no copies from other images).
/// </summary>
public interface IStageSplitPlanner
{
    SplitPlan Plan(PassContext context, StageModel stage, StageFacts facts);
}