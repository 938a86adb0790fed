using DockerOpt.Core.Model.Roles;

namespace DockerOpt.Cli.Configuration;

/// <summary>One <c>roles:</c> entry of .dockeropt.yaml: Dockerfiles whose path (relative to the file) matches <see cref="Pattern"/> are <see cref="Role"/>.</summary>
/// <param name="Pattern">A glob: <c>*</c> matches any characters, '/' included; <c>?</c> one character.</param>
/// <param name="Role">The role.</param>
/// <param name="Name">The word the file used for it (<c>ci</c>, <c>builder</c>).</param>
public sealed record RoleGlob(string Pattern, ImageRole Role, string Name);