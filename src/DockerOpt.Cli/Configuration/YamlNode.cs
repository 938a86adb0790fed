using System.Collections.Immutable;

namespace DockerOpt.Cli.Configuration;

/// <summary>A node of the small YAML subset .dockeropt.yaml is written in, with the 1-based position it starts at.</summary>
public abstract record YamlNode(int Line, int Column);

/// <summary>A plain or quoted scalar; its type is decided by whoever reads it.</summary>
public sealed record YamlScalar(string Value, bool Quoted, int Line, int Column) : YamlNode(Line, Column);

/// <summary>A block (<c>- a</c>) or flow (<c>[a, b]</c>) sequence of scalars or nested blocks.</summary>
public sealed record YamlSequence(ImmutableArray<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

/// <summary>A block mapping, keys in the order written (duplicates are refused when reading).</summary>
public sealed record YamlMapping(ImmutableArray<YamlEntry> Entries, int Line, int Column) : YamlNode(Line, Column);

/// <summary>One <c>key: value</c> of a mapping; the value is an empty scalar when nothing follows the colon.</summary>
public sealed record YamlEntry(string Key, int Line, int Column, YamlNode Value);