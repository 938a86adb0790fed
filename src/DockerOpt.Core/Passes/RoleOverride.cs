using DockerOpt.Core.Model.Roles;

namespace DockerOpt.Core.Passes;

/// <summary>A role the user set instead of the detected one, and where (<c>--role app</c>, <c>.dockeropt.yaml</c>).</summary>
public sealed record RoleOverride(ImageRole Role, string Source);