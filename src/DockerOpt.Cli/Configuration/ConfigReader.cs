using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Passes;
using DockerOpt.Engine.Budget;
using DockerOpt.Syntax;

namespace DockerOpt.Cli.Configuration;

/// <summary>
/// Turns a parsed <c>.dockeropt.yaml</c> into a <see cref="DockeroptConfig"/>, strictly: an unknown key, an unknown
/// pass id, a bad level or size is an error at <c>file:line:col</c>, because a silently ignored setting is worse
/// than a refused one.
/// </summary>
/// <example>
/// <code>
/// level: safe                # or aggressive
/// skip: [exec-form]          # pass ids never run; or only: [...]
/// role: app                  # what the images are, instead of detecting it (app, base, builder, ci, dev, privileged, fixture)
/// roles:                     # by path glob relative to this file; the first match wins over role
///   "ci/*": ci
/// baseImages:
///   mirrorPrefixes:
///     - mirror.example.com/dockerhub/
///   catalog: ci/base-images.json
/// budget:
///   maxSize: 300MB
///   maxWasted: 20MB
///   minEfficiency: 0.95
/// </code>
/// </example>
public static class ConfigReader
{
    private static readonly string[] TopLevelKeys = ["level", "only", "skip", "role", "roles", "baseImages", "budget", "verify"];
    private static readonly string[] VerifyKeys = ["http", "expect", "smoke", "env"];
    private static readonly string[] BaseImageKeys = ["mirrorPrefixes", "catalog"];
    private static readonly string[] BudgetKeys = ["maxSize", "maxWasted", "minEfficiency"];

    /// <summary>Reads and validates the file at <paramref name="fullPath"/>.</summary>
    /// <param name="fullPath">The configuration file.</param>
    /// <param name="displayPath">How messages name it.</param>
    /// <param name="knownPassIds">The pass ids <c>only</c> and <c>skip</c> may name.</param>
    public static DockeroptConfig Read(string fullPath, string displayPath, IReadOnlySet<string> knownPassIds)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        ArgumentNullException.ThrowIfNull(knownPassIds);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(RegularFile.ReadAllBytes(fullPath));
        }
        catch (NotARegularFileException ex)
        {
            throw new UserInputException($"{displayPath}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw ConfigError.At(displayPath, 1, 1, $"cannot read the configuration: {ex.Message}");
        }

        var root = YamlSubsetParser.Parse(text, displayPath);
        return Read(root, fullPath, displayPath, knownPassIds);
    }

    /// <summary>Validates an already parsed mapping (paths in it are relative to <paramref name="fullPath"/>'s directory).</summary>
    public static DockeroptConfig Read(YamlMapping root, string fullPath, string displayPath, IReadOnlySet<string> knownPassIds)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(fullPath);
        var directory = Path.GetDirectoryName(fullPath) ?? ".";
        var config = DockeroptConfig.None with { SourcePath = fullPath };
        foreach (var entry in root.Entries)
        {
            config = entry.Key switch
            {
                "level" => config with { Level = ReadLevel(entry.Value, displayPath) },
                "only" => config with { Only = ReadPassIds(entry.Value, displayPath, knownPassIds) },
                "skip" => config with { Skip = ReadPassIds(entry.Value, displayPath, knownPassIds) },
                "role" => config with { Role = ReadRole(Scalar(entry.Value, displayPath, "role"), displayPath) },
                "roles" => config with { Roles = ReadRoles(entry, displayPath) },
                "baseImages" => ReadBaseImages(config, Mapping(entry, displayPath, BaseImageKeys), directory, displayPath),
                "budget" => config with { Budget = ReadBudget(Mapping(entry, displayPath, BudgetKeys), displayPath) },
                "verify" => config with { Verify = ReadVerify(entry, displayPath) },
                _ => throw Unknown(entry, displayPath, TopLevelKeys),
            };
        }

        if (!config.Only.IsEmpty && !config.Skip.IsEmpty)
        {
            var only = root.Entries.First(e => e.Key == "only");
            throw ConfigError.At(displayPath, only.Line, only.Column, "'only' and 'skip' cannot both be set (choose one)");
        }

        return config;
    }

    private static RewriteLevel ReadLevel(YamlNode node, string path)
    {
        var scalar = Scalar(node, path, "level");
        return scalar.Value switch
        {
            "safe" => RewriteLevel.Safe,
            "aggressive" => RewriteLevel.Aggressive,
            _ => throw ConfigError.At(path, scalar.Line, scalar.Column, $"level must be 'safe' or 'aggressive', not '{scalar.Value}'"),
        };
    }

    private static ImageRole ReadRole(YamlScalar scalar, string path) =>
        ImageRoles.Parse(scalar.Value)
        ?? throw ConfigError.At(path, scalar.Line, scalar.Column, $"unknown role '{scalar.Value}'; expected one of: {ImageRoles.NameList}");

    private static ImmutableArray<RoleGlob> ReadRoles(YamlEntry entry, string path)
    {
        if (entry.Value is not YamlMapping mapping)
        {
            throw ConfigError.At(path, entry.Value.Line, entry.Value.Column, "'roles' must be an indented block of \"path glob\": role lines");
        }

        return [.. mapping.Entries.Select(glob =>
        {
            var scalar = Scalar(glob.Value, path, glob.Key);
            return new RoleGlob(glob.Key, ReadRole(scalar, path), scalar.Value);
        })];
    }

    /// <summary>
    /// <c>verify:</c> — "path glob": {http, expect, smoke, env} blocks. The values are checked as the command line checks
    /// them (a probe that is not PORT[/PATH], an env entry without a name), so a typo fails here with its line.
    /// </summary>
    private static ImmutableArray<VerifyGlob> ReadVerify(YamlEntry entry, string path)
    {
        if (entry.Value is not YamlMapping mapping)
        {
            throw ConfigError.At(path, entry.Value.Line, entry.Value.Column, "'verify' must be an indented block of \"path glob\": blocks of checks (http, expect, smoke, env)");
        }

        return [.. mapping.Entries.Select(glob =>
        {
            var checks = VerifyChecks.None;
            foreach (var setting in Mapping(glob, path, VerifyKeys).Entries)
            {
                if (setting.Key == "env")
                {
                    var variables = Scalars(setting.Value, path).Select(scalar =>
                    {
                        var name = scalar.Value.Split('=', 2)[0];
                        return name.Length == 0 || name.Any(char.IsWhiteSpace)
                            ? throw ConfigError.At(path, scalar.Line, scalar.Column, $"env entry '{scalar.Value}' must be NAME=value or NAME")
                            : scalar.Value;
                    });
                    checks = checks with { Environment = [.. variables] };
                    continue;
                }

                var scalar = Scalar(setting.Value, path, setting.Key);
                if (setting.Key == "http" && Engine.Engines.HttpProbe.Parse(scalar.Value) is null)
                {
                    throw ConfigError.At(path, scalar.Line, scalar.Column, $"http must be PORT or PORT/PATH (like 8080/healthz), not '{scalar.Value}'");
                }

                checks = setting.Key switch
                {
                    "http" => checks with { Http = scalar.Value },
                    "expect" => checks with { Expect = scalar.Value },
                    _ => checks with { Smoke = scalar.Value },
                };
            }

            if (checks.Expect is not null && checks.Http is null)
            {
                throw ConfigError.At(path, glob.Line, glob.Column, $"'{glob.Key}': expect checks the body of the http answer: give http too");
            }

            return new VerifyGlob(glob.Key, checks);
        })];
    }

    private static ImmutableHashSet<string> ReadPassIds(YamlNode node, string path, IReadOnlySet<string> known)
    {
        var ids = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var scalar in Scalars(node, path))
        {
            if (!known.Contains(scalar.Value))
            {
                throw ConfigError.At(path, scalar.Line, scalar.Column,
                    $"unknown pass id '{scalar.Value}'; known passes: {string.Join(", ", known.Order(StringComparer.Ordinal))} (see 'dockeropt passes')");
            }

            ids.Add(scalar.Value);
        }

        return ids.ToImmutable();
    }

    private static DockeroptConfig ReadBaseImages(DockeroptConfig config, YamlMapping mapping, string directory, string path)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key == "mirrorPrefixes")
            {
                var prefixes = Scalars(entry.Value, path).Select(s =>
                {
                    if (s.Value.Contains(' ', StringComparison.Ordinal) || s.Value.Contains(':', StringComparison.Ordinal) && !s.Value.Contains('/', StringComparison.Ordinal))
                    {
                        throw ConfigError.At(path, s.Line, s.Column, $"'{s.Value}' is not a registry prefix (like mirror.example.com/dockerhub/)");
                    }

                    // The catalog compares lower-cased image paths with the prefix, which must end at a path separator.
                    var prefix = s.Value.ToLowerInvariant();
                    return prefix.EndsWith('/') ? prefix : prefix + "/";
                });
                config = config with { MirrorPrefixes = [.. prefixes] };
            }
            else
            {
                var files = ImmutableArray.CreateBuilder<string>();
                foreach (var scalar in Scalars(entry.Value, path))
                {
                    var full = Path.GetFullPath(Path.Combine(directory, scalar.Value));
                    var kind = RegularFile.KindOf(full);
                    if (kind != FileKind.Regular)
                    {
                        throw ConfigError.At(path, scalar.Line, scalar.Column, kind == FileKind.Missing
                            ? $"catalog file '{scalar.Value}' does not exist"
                            : $"catalog file '{scalar.Value}' is not a regular file ({RegularFile.Describe(kind)})");
                    }

                    try
                    {
                        using var document = JsonDocument.Parse(RegularFile.ReadAllText(full), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                        if (document.RootElement.ValueKind != JsonValueKind.Object)
                        {
                            throw ConfigError.At(path, scalar.Line, scalar.Column, $"catalog file '{scalar.Value}' must hold a JSON object like the shipped catalog");
                        }
                    }
                    catch (JsonException ex)
                    {
                        throw ConfigError.At(path, scalar.Line, scalar.Column, $"catalog file '{scalar.Value}' is not valid JSON: {ex.Message}");
                    }

                    files.Add(full);
                }

                config = config with { CatalogFiles = files.ToImmutable() };
            }
        }

        return config;
    }

    private static SizeBudget ReadBudget(YamlMapping mapping, string path)
    {
        var budget = new SizeBudget();
        foreach (var entry in mapping.Entries)
        {
            var scalar = Scalar(entry.Value, path, entry.Key);
            if (entry.Key == "minEfficiency")
            {
                if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var efficiency) || efficiency is < 0 or > 1)
                {
                    throw ConfigError.At(path, scalar.Line, scalar.Column, $"minEfficiency must be a number from 0 to 1, not '{scalar.Value}'");
                }

                budget = budget with { MinEfficiency = efficiency };
                continue;
            }

            var bytes = ByteSize.Parse(scalar.Value)
                ?? throw ConfigError.At(path, scalar.Line, scalar.Column, $"{entry.Key} must be a size like 300MB or 1.5GiB, not '{scalar.Value}'");
            budget = entry.Key == "maxSize" ? budget with { MaxSize = bytes } : budget with { MaxWasted = bytes };
        }

        return budget;
    }

    private static YamlMapping Mapping(YamlEntry entry, string path, string[] allowedKeys)
    {
        if (entry.Value is not YamlMapping mapping)
        {
            throw ConfigError.At(path, entry.Value.Line, entry.Value.Column, $"'{entry.Key}' must be an indented block of settings ({string.Join(", ", allowedKeys)})");
        }

        foreach (var child in mapping.Entries.Where(e => !allowedKeys.Contains(e.Key, StringComparer.Ordinal)))
        {
            throw Unknown(child, path, allowedKeys);
        }

        return mapping;
    }

    private static YamlScalar Scalar(YamlNode node, string path, string key) => node switch
    {
        YamlScalar { Value.Length: > 0 } scalar => scalar,
        _ => throw ConfigError.At(path, node.Line, node.Column, $"'{key}' needs a single value"),
    };

    // A single value is accepted where a list is expected ("skip: exec-form").
    private static IEnumerable<YamlScalar> Scalars(YamlNode node, string path) => node switch
    {
        YamlScalar { Value.Length: 0 } => [],
        YamlScalar scalar => [scalar],
        YamlSequence sequence => sequence.Items.Select(item => item as YamlScalar
            ?? throw ConfigError.At(path, item.Line, item.Column, "expected a plain value in this list")),
        _ => throw ConfigError.At(path, node.Line, node.Column, "expected a list of values"),
    };

    private static CommandLine.UserInputException Unknown(YamlEntry entry, string path, string[] allowed) =>
        ConfigError.At(path, entry.Line, entry.Column, $"unknown setting '{entry.Key}'; expected one of: {string.Join(", ", allowed)}");
}