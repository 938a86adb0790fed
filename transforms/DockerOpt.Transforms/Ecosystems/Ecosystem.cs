using System.Collections.Immutable;

using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// Everything the passes know about one language ecosystem, as data: how to recognise it, which files its
/// dependency install reads (in the order they are copied), which commands install and build, where the build
/// output lands and what the runtime needs. Adding an ecosystem is adding a row to <see cref="EcosystemTable"/>.
/// </summary>
/// <param name="Id">Stable lower-case id (<c>node</c>, <c>python</c>, <c>go</c>).</param>
/// <param name="Name">How a finding names it.</param>
/// <param name="ImageRepositories">Image repositories of its official images (<c>node</c>, <c>golang</c>); matched on the
/// last path segments, so <c>docker.io/library/node</c> and <c>mirror.example/node</c> count too.</param>
/// <param name="Tools">Program names whose use in a RUN is evidence: its package managers (<c>npm</c>, <c>pip</c>, <c>go</c>, from the
/// package-manager table) and its runtimes and other tools (<c>node</c>, <c>python</c>, <c>rails</c>).</param>
/// <param name="Manifests">Dependency manifests, lockfiles and package-manager config, in copy order.</param>
/// <param name="InstallCommands">Commands that install the dependencies the manifests declare.</param>
/// <param name="BuildCommands">Commands that build the application.</param>
/// <param name="PrefetchCommand">A command that downloads dependencies from the manifests alone, for ecosystems whose
/// build fetches them implicitly (<c>go mod download</c>); null when the install is already a separate step.</param>
/// <param name="BuildOutputs">Where a build usually puts its output, relative to the working directory.</param>
/// <param name="ProductionInstalls">The dependency install for a runtime stage, chosen by the first lockfile present.</param>
/// <param name="RuntimeAssetDirectories">Context folders an application commonly reads at run time (templates, static files).</param>
/// <param name="Runtime">What a runtime image must provide.</param>
/// <param name="NativeMarkers">Text in context files that shows a native (glibc-linked or compiled) dependency.</param>
/// <param name="SourceRunCommands">Commands that build the app from its source and run it (<c>dotnet run</c>): a container
/// started with one ships the whole toolchain, so it is a stage that builds.</param>
/// <param name="SplitPlanner">What splits the ecosystem's single stage into a builder and a runtime stage, or null when
/// the multi-stage pass plans it itself (Node, Python, Go, until they move to planners of their own) or cannot.</param>
public sealed record Ecosystem(
    string Id,
    string Name,
    ImmutableArray<string> ImageRepositories,
    ImmutableArray<string> Tools,
    ImmutableArray<ManifestFile> Manifests,
    ImmutableArray<CommandPattern> InstallCommands,
    ImmutableArray<CommandPattern> BuildCommands,
    string? PrefetchCommand,
    ImmutableArray<string> BuildOutputs,
    ImmutableArray<ProductionInstall> ProductionInstalls,
    ImmutableArray<string> RuntimeAssetDirectories,
    RuntimeKind Runtime,
    ImmutableArray<NativeMarker> NativeMarkers,
    ImmutableArray<CommandPattern> SourceRunCommands = default,
    Stages.IStageSplitPlanner? SplitPlanner = null)
{
    /// <summary><see cref="SourceRunCommands"/>, empty when the row names none.</summary>
    public ImmutableArray<CommandPattern> SourceRunCommandList => SourceRunCommands.IsDefault ? [] : SourceRunCommands;

    public override string ToString() => Id;
}

/// <summary>The install a runtime stage runs (production dependencies only) when <see cref="WhenFile"/> exists; null: always.</summary>
public sealed record ProductionInstall(string? WhenFile, string Command);

/// <summary>
/// Text in a context file (<see cref="File"/>) that shows a native dependency, and why it matters. Every marker rules
/// out a musl (alpine) runtime; one that <see cref="NeedsCompiler"/> also rules out installing in an image without one.
/// </summary>
public sealed record NativeMarker(string File, string Contains, string Reason, bool NeedsCompiler);

/// <summary>What the runtime image of an application must provide.</summary>
public enum RuntimeKind
{
    /// <summary>The language runtime (node, python, ruby, php) plus the installed dependencies.</summary>
    Interpreter,

    /// <summary>A virtual machine (JVM, .NET runtime) plus the built artifact.</summary>
    VirtualMachine,

    /// <summary>Nothing but the binary when it is linked statically (Go without cgo, Rust with musl).</summary>
    NativeBinary,
}