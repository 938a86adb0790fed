using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.Stages;

/// <summary>A tool a stage runs, and the instruction (RUN, CMD, ENTRYPOINT, HEALTHCHECK) that runs it.</summary>
public sealed record StageCommand(InstructionSyntax Instruction, ToolInvocation Tool);