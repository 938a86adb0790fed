using System.Collections.Immutable;

using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// A package-manager command recognised by its program and leading sub-command words (<c>npm ci</c>,
/// <c>pip install</c>, <c>go mod download</c>), plus what its arguments mean for a manifests-first copy.
/// </summary>
/// <param name="Program">The normalised program name (see <see cref="ToolInvocation.Normalise"/>).</param>
/// <param name="Words">The sub-command words that must follow, flags skipped (empty: the bare program).</param>
/// <param name="BareOnly">Matches only with no further positional words (a bare <c>yarn</c> installs).</param>
/// <param name="ManifestFlags">Flags whose value names a manifest (<c>pip install -r FILE</c>).</param>
/// <param name="SourceFlags">Flags that make the command read the project source (<c>pip install -e .</c>).</param>
/// <param name="NoSourceFlags">Flags that stop a source-reading command from reading the source (<c>poetry install --no-root</c>).</param>
/// <param name="ReadsSource">The command reads the project source unless a <paramref name="NoSourceFlags"/> flag is given.</param>
/// <param name="PathArgumentsReadSource">A positional argument that is a path (<c>.</c>, <c>./x</c>) installs from source.</param>
/// <param name="PositionalsNameManifests">A positional argument names the manifest to install from (<c>dotnet restore src/Api/Api.csproj</c>).</param>
/// <param name="AnyGoal">The one word is a goal or task among others, in any place (<c>mvn clean package</c>, <c>gradle clean build</c>).</param>
public sealed record CommandPattern(
    string Program,
    ImmutableArray<string> Words,
    bool BareOnly = false,
    ImmutableArray<string> ManifestFlags = default,
    ImmutableArray<string> SourceFlags = default,
    ImmutableArray<string> NoSourceFlags = default,
    bool ReadsSource = false,
    bool PathArgumentsReadSource = false,
    bool PositionalsNameManifests = false,
    bool AnyGoal = false)
{
    public ImmutableArray<string> ManifestFlagList => ManifestFlags.IsDefault ? [] : ManifestFlags;

    public ImmutableArray<string> SourceFlagList => SourceFlags.IsDefault ? [] : SourceFlags;

    public ImmutableArray<string> NoSourceFlagList => NoSourceFlags.IsDefault ? [] : NoSourceFlags;

    /// <summary>
    /// Every flag that takes the next word as its value (so that word is not a positional): the manifest flags, and a
    /// package manager's options with a value from <see cref="PackageManagerFacts"/>.
    /// </summary>
    public IEnumerable<string> FlagsWithValues => ManifestFlagList.Concat(PackageManagerFacts.ForExecutable(Program)?.OptionsWithValue ?? []);

    /// <summary>How the pattern reads in a message: <c>npm ci</c>.</summary>
    public override string ToString() => Words.IsEmpty ? Program : $"{Program} {string.Join(' ', Words)}";
}