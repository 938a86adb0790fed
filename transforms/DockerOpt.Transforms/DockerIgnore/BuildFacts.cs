using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// What the .dockerignore pass needs to know about a build: which ecosystems it shows (base images, RUN tools,
/// context manifests) and which of them the Dockerfile installs dependencies for or builds itself. Whether
/// <c>.git</c> must stay is <see cref="GitUse"/>'s question.
/// Ecosystems come from the shared <see cref="EcosystemDetector"/>; installs and builds are read here because the
/// .dockerignore decision needs "does THIS file install/build it", not only "which ecosystem".
/// </summary>
public sealed class BuildFacts
{
    private readonly HashSet<string> ecosystems = new(StringComparer.Ordinal);
    private readonly List<string> detected = [];
    private readonly HashSet<string> installs = new(StringComparer.Ordinal);
    private readonly HashSet<string> builds = new(StringComparer.Ordinal);

    private BuildFacts()
    {
    }

    public bool Has(string ecosystem) => ecosystems.Contains(ecosystem);

    public bool Installs(string ecosystem) => installs.Contains(ecosystem);

    public bool Builds(string ecosystem) => builds.Contains(ecosystem);

    /// <summary>The ecosystem ids, strongest evidence first.</summary>
    public IEnumerable<string> Detected => detected;

    public static BuildFacts Read(DockerfileModel model, IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var facts = new BuildFacts();
        foreach (var ecosystem in EcosystemDetector.Detect(model, context).Ecosystems)
        {
            facts.ecosystems.Add(ecosystem.Id);
            facts.detected.Add(ecosystem.Id);
        }

        foreach (var run in model.Stages.SelectMany(stage => stage.OfKind(InstructionKind.Run)))
        {
            facts.ReadRun(model, run);
        }

        return facts;
    }

    private void ReadRun(DockerfileModel model, InstructionSyntax run)
    {
        var text = run.Arguments is ShellFormArguments shell ? shell.CommandText
            : run.Arguments is ExecFormArguments exec ? string.Join(' ', exec.Values)
            : string.Join('\n', run.Heredocs.Select(h => h.EffectiveContent));
        // The model's shared parse: this pass runs on every text, and a RUN's command rarely changes between them.
        foreach (var command in model.ParseShell(text).SimpleCommands)
        {
            var words = command.Words.Select(w => w.Value ?? w.Text).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var name = words[0][(words[0].LastIndexOf('/') + 1)..];
            var first = words.Count > 1 ? words[1] : string.Empty;
            var second = words.Count > 2 ? words[2] : string.Empty;
            Classify(name, first, second, words);
        }
    }

    private void Classify(string name, string first, string second, List<string> words)
    {
        switch (name)
        {
            case "npm" or "pnpm" when first is "install" or "i" or "ci" or "add":
            case "yarn" when first is "" or "install" or "add" || first.StartsWith('-'):
                installs.Add("node");
                break;
            case "npm" or "yarn" or "pnpm" when (first == "run" && second.StartsWith("build", StringComparison.Ordinal)) || first.StartsWith("build", StringComparison.Ordinal):
                builds.Add("node");
                break;
            case "pip" or "pip3" or "pipenv" or "poetry" when first is "install" or "sync":
            case "uv" when first is "sync" || (first == "pip" && second == "install"):
                installs.Add("python");
                break;
            case "python" or "python3" when first == "-m" && second == "pip" && words.Contains("install"):
                installs.Add("python");
                break;
            case "python" or "python3" when (first == "-m" && second == "build") || first == "setup.py":
            case "pip" or "pip3" when first == "wheel":
            case "poetry" when first == "build":
                builds.Add("python");
                break;
            case "cargo" when first is "build" or "install":
                builds.Add("rust");
                break;
            case "mvn" or "mvnw" or "gradle" or "gradlew" when words.Any(w => w is "package" or "install" or "verify" or "build" or "bootJar" or "assemble" or "installDist" or "shadowJar"):
                builds.Add("java");
                break;
            case "dotnet" when first is "build" or "publish":
                builds.Add("dotnet");
                break;
            case "bundle" when first is "install" or "":
                installs.Add("ruby");
                break;
            default:
                break;
        }
    }
}