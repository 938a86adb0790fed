using System.Collections.Immutable;

using DockerOpt.Core.Images;
using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Variables;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Model;

/// <summary>
/// What the passes reason about: the stages, what each builds on, and the global ARG scope (ARGs before
/// the first FROM, the only variables a FROM line can use).
/// </summary>
public sealed class DockerfileModel
{
    private readonly RunCommands runs;
    private RoleDecision? role;

    private DockerfileModel(DockerfileSyntax syntax, ImmutableArray<StageModel> stages, ImmutableDictionary<string, string?> globalArgs, RunCommands runs, RoleDecision? role = null, string? target = null)
    {
        Syntax = syntax;
        Stages = stages;
        GlobalArgs = globalArgs;
        this.runs = runs;
        this.role = role;
        Target = target;
    }

    private Dictionary<string, int>? stagesByName;
    private HashSet<int>? usedStages;
    private IReadOnlySet<int>? shippedStages;

    public DockerfileSyntax Syntax { get; }

    public ImmutableArray<StageModel> Stages { get; }

    /// <summary>ARGs declared before the first FROM, with their defaults (null when declared without one).</summary>
    public ImmutableDictionary<string, string?> GlobalArgs { get; }

    /// <summary>The stage the image is built from (the last one), or null for a file with no FROM.</summary>
    public StageModel? FinalStage => Stages.IsEmpty ? null : Stages[^1];

    public bool IsMultiStage => Stages.Length > 1;

    /// <summary>The stage <c>--target</c> names, or null to build the final stage.</summary>
    public string? Target { get; }

    /// <summary>
    /// The stage the image is built from: the <see cref="Target"/> stage when it names one, else the final stage.
    /// </summary>
    public StageModel? BuiltStage => Target is { } target && FindStage(target, Stages.Length) is { } named ? named : FinalStage;

    /// <summary>
    /// Whether a stage's filesystem reaches the shipped image (<see cref="ShippedStages"/>): the built stage, its FROM
    /// ancestors, and stages copied into them whole or with their package caches. Layers of the other stages are thrown
    /// away, so what they leave behind (caches, lists, layer counts) costs the image nothing.
    /// </summary>
    public bool Ships(StageModel stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return (shippedStages ??= ShippedStages.Find(this, BuiltStage)).Contains(stage.Index);
    }

    /// <summary>
    /// What the shipped image is for (leaf app, base image, ...) and why. The rewriter decides it once on the user's
    /// file, with its path and build context, and every pass reads that same decision (a pass's own edits, such as a
    /// USER, must not change it); a model built on its own decides from the text alone.
    /// </summary>
    public RoleDecision Role => role ??= ImageRoleClassifier.Classify(this, Syntax.Source.Path, null);

    /// <summary>The same model with the role decided elsewhere (on the user's file, or set by the user).</summary>
    public DockerfileModel WithRole(RoleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DockerfileModel(Syntax, Stages, GlobalArgs, runs, decision, Target);
    }

    /// <summary>The same model built for <c>--target</c> (null: the final stage).</summary>
    public DockerfileModel WithTarget(string? target) => new(Syntax, Stages, GlobalArgs, runs, role, target);

    /// <summary>
    /// The RUN read as a shell command: its parsed script, source map and recognized commands, read once per text and
    /// shared by every pass. Null when it is no such RUN; <see cref="RunCommand.WhyNot"/> says why.
    /// </summary>
    public RunCommand? RunOf(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return runs.Of(instruction);
    }

    /// <summary>
    /// A shell command text parsed with the RUNs' shared parses: a pass that reads the words of a command some other way
    /// than <see cref="RunOf"/> (a RUN with a heredoc or no command, a CMD) does not parse it again for every pass and
    /// every text of the rewrite. The same script <see cref="ShellParser.Parse(string)"/> returns.
    /// </summary>
    public ShellScript ParseShell(string commandText)
    {
        ArgumentNullException.ThrowIfNull(commandText);
        return runs.Scripts.Of(commandText).Script;
    }

    /// <summary>
    /// The stage and the stages it builds on (<c>FROM builder</c>), the stage first: image config such as USER, CMD and
    /// ENTRYPOINT is inherited along this chain.
    /// </summary>
    public IReadOnlyList<StageModel> Lineage(StageModel stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var lineage = new List<StageModel> { stage };
        var current = stage;
        while (current.BaseKind == StageBaseKind.PreviousStage && current.BaseStageIndex is { } parent && lineage.Count <= Stages.Length)
        {
            current = Stages[parent];
            lineage.Add(current);
        }

        return lineage;
    }

    /// <summary>The stage a FROM or COPY --from reference names: a stage name (case-insensitive) or an index.</summary>
    public StageModel? FindStage(string reference, int beforeIndex)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (StagesByName.TryGetValue(reference, out var named) && named < beforeIndex)
        {
            return Stages[named];
        }

        return int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < Math.Min(beforeIndex, Stages.Length)
            ? Stages[index]
            : null;
    }

    /// <summary>Whether a later stage copies from this one (COPY --from=name or index) or builds FROM it.</summary>
    public bool IsUsedByLaterStage(StageModel stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return UsedStages.Contains(stage.Index);
    }

    /// <summary>The stage an instruction (its FROM included) belongs to, or null (an ARG before the first FROM).</summary>
    public StageModel? StageOf(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        int low = 0, high = Stages.Length - 1, found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (Stages[middle].From.Span.Start <= instruction.Span.Start)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 && (ReferenceEquals(Stages[found].From, instruction) || Stages[found].Contains(instruction)) ? Stages[found] : null;
    }

    // A name names the first stage that has it; found once, not by a scan per COPY --from (files with many stages).
    private Dictionary<string, int> StagesByName => stagesByName ??= IndexNames(Stages);

    private HashSet<int> UsedStages => usedStages ??= FindUsedStages();

    private static Dictionary<string, int> IndexNames(ImmutableArray<StageModel> stages)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in stages)
        {
            if (stage.Name is not null)
            {
                names.TryAdd(stage.Name, stage.Index);
            }
        }

        return names;
    }

    private HashSet<int> FindUsedStages()
    {
        var used = new HashSet<int>();
        foreach (var later in Stages)
        {
            if (later.BaseStageIndex is { } baseIndex)
            {
                used.Add(baseIndex);
            }

            foreach (var instruction in later.Instructions)
            {
                if (instruction.GetFlag("from")?.Value is { } from && FindStage(from, later.Index) is { } source)
                {
                    used.Add(source.Index);
                }
            }
        }

        return used;
    }

    public static DockerfileModel Build(DockerfileSyntax syntax) => Build(syntax, new ShellScripts());

    /// <summary>
    /// The model of one text of a rewrite: its RUNs are read with <paramref name="scripts"/>, the rewrite's shared parses,
    /// so a RUN command an earlier text already had is not parsed again.
    /// </summary>
    public static DockerfileModel Build(DockerfileSyntax syntax, ShellScripts scripts)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(scripts);

        var globalArgs = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        var stages = ImmutableArray.CreateBuilder<StageModel>();
        InstructionSyntax? from = null;
        var body = ImmutableArray.CreateBuilder<InstructionSyntax>();
        var budget = new ExpansionBudget();

        // Stage names seen so far, for FROM <stage>: a scan of the earlier stages per FROM made many stages cost n².
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        foreach (var instruction in syntax.Instructions)
        {
            if (instruction.Kind == InstructionKind.From)
            {
                if (from is not null)
                {
                    stages.Add(CreateStage(stages.Count, names, from, body.ToImmutable(), globalArgs, syntax.EscapeChar, budget));
                    body.Clear();
                }

                from = instruction;
            }
            else if (from is null)
            {
                if (instruction.Kind == InstructionKind.Arg)
                {
                    foreach (var (name, value) in ArgDeclarations.Read(instruction))
                    {
                        globalArgs[name] = value;
                    }
                }
            }
            else
            {
                body.Add(instruction);
            }
        }

        if (from is not null)
        {
            stages.Add(CreateStage(stages.Count, names, from, body.ToImmutable(), globalArgs, syntax.EscapeChar, budget));
        }

        return new DockerfileModel(syntax, stages.ToImmutable(), globalArgs.ToImmutable(), new RunCommands(scripts));
    }

    private static StageModel CreateStage(
        int index,
        Dictionary<string, int> names,
        InstructionSyntax from,
        ImmutableArray<InstructionSyntax> body,
        IReadOnlyDictionary<string, string?> globalArgs,
        char escapeChar,
        ExpansionBudget budget)
    {
        var arguments = from.Arguments as FromArguments;
        var baseText = arguments?.Image?.Value ?? string.Empty;
        var name = arguments?.StageName?.Value;
        // A base that expands past the budget is unknown, like one that depends on a --build-arg: the passes that read
        // the base image only need a best-effort value, and decline when they have none.
        var expansion = VariableExpander.Expand(baseText, globalArgs, escapeChar, keepQuotes: false, budget);
        // Unset names expand to "" in BuildKit, but a --build-arg may set them: treat both as unknown.
        var resolved = expansion.IsFullyResolved && expansion.UnsetNames.IsEmpty ? expansion.Text : null;
        var stage = Stage();
        if (name is not null)
        {
            // Added after the lookup: a stage cannot build on itself. The first stage of a name is the one it names.
            names.TryAdd(name, index);
        }

        return stage;

        StageModel Stage()
        {
            if (resolved is null || resolved.Length == 0)
            {
                return new StageModel(index, name, from, baseText, resolved, null, StageBaseKind.Unresolved, null, body);
            }

            // A FROM names an earlier stage before it names an image (BuildKit resolves stage names first).
            if (names.TryGetValue(resolved, out var earlier))
            {
                return new StageModel(index, name, from, baseText, resolved, null, StageBaseKind.PreviousStage, earlier, body);
            }

            var image = ImageReference.Parse(resolved);
            var kind = image.IsScratch ? StageBaseKind.Scratch : StageBaseKind.ExternalImage;
            return new StageModel(index, name, from, baseText, resolved, image, kind, null, body);
        }
    }
}