using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.ExecForm;
using DockerOpt.Transforms.Layers;
using DockerOpt.Transforms.Manifests;
using DockerOpt.Transforms.Runtime;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Runs a Node app the way production runs it: <c>node</c> itself as PID 1 instead of <c>npm start</c> when the
/// script is a plain <c>node FILE</c> (npm does not pass SIGTERM on, keeps ~50 MB of its own in memory and writes
/// its logs), and <c>NODE_ENV=production</c> in the final stage, set after every install so it cannot change what
/// npm installs.
/// </summary>
public sealed class NodeRuntimePass : IRewritePass
{
    public const string PassId = "node-runtime";

    private const string NodeEnv = "NODE_ENV";

    // npm scripts that `npm start` runs around the start script.
    private static readonly ImmutableArray<string> StartHooks = ["prestart", "poststart"];

    public PassInfo Info { get; } = new(
        PassId,
        "Run Node as production does",
        "In the final stage of a Node image: CMD [\"npm\", \"start\"] (or npm run NAME) becomes CMD [\"node\", FILE] when the "
        + "package.json script is a plain node command, so node is PID 1 and gets the stop signal; and ENV NODE_ENV=production "
        + "is added after the stage's last RUN, COPY and ADD when no NODE_ENV is set (frameworks such as Express then cache "
        + "views and hide stack traces). Declines scripts that need a shell or another program, prestart/poststart hooks, "
        + "app code that reads npm's npm_* variables, and a NODE_ENV the author set.",
        PassCategory.Hygiene,
        PassSafety.ChangesBehaviour,
        [
            "images that are not built FROM a node image",
            "start scripts that are not a plain node command (a shell, nodemon, ts-node, variables)",
            "prestart/poststart scripts, app code that reads npm_package_* or npm_config_*",
            "an ENTRYPOINT written in the file, and a NODE_ENV the author set (any value)",
        ],
        "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD [\"npm\", \"start\"]\n",
        "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nENV NODE_ENV=production\nUSER node\nCMD [\"node\", \"server.js\"]\n",
        [])
    {
        Roles = RolePolicy.LeafApps("the command and NODE_ENV decide how the app runs: a base image's users and a dev image want their own"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Model.FinalStage is not { } final)
        {
            return PassResult.Empty;
        }

        var chain = StageChain.Of(context.Model, final);
        if (chain.BaseImage is not { } image || EcosystemDetector.FromImage(image.Text)?.Id != "node")
        {
            return PassResult.Empty;
        }

        var edits = new List<TextEdit>();
        var findings = new List<Finding>();
        var command = chain.LastInEffect(InstructionKind.Cmd);
        var runsNode = command is not null && chain.LastInEffect(InstructionKind.Entrypoint) is null && Argv(command) is [{ } program, ..] && program == "node";
        if (command is not null && final.Instructions.Contains(command) && chain.LastInEffect(InstructionKind.Entrypoint) is null
            && NpmScript(command) is { } script && !context.IsIgnored(command))
        {
            var (node, why) = NodeCommand(context, script);
            if (node is null)
            {
                findings.Add(PassContext.At(PassId, command, FindingKind.Declined, $"CMD keeps npm as PID 1: {why}"));
            }
            else
            {
                var json = JsonArrayWriter.Write(node, JsonArrayWriter.SeparatorOf(context.Syntax));
                edits.Add(InstructionEdits.Replace(command, InstructionEdits.Format(context.Style, command.Keyword.Text, json)));
                findings.Add(PassContext.At(PassId, command, FindingKind.Applied,
                    $"CMD {json} instead of npm {(script == "start" ? "start" : "run " + script)}: the '{script}' script is that plain node command, and node as PID 1 receives the stop signal (npm does not pass SIGTERM on, so docker stop waits 10 s and kills it), without npm's memory and log files; npm's npm_* variables are no longer set (the app's code reads none)",
                    changesBehaviour: true));
                runsNode = true;
            }
        }

        if (runsNode)
        {
            AddNodeEnv(context, chain, final, edits, findings);
        }

        return new PassResult([.. edits], [.. findings], []);
    }

    private static void AddNodeEnv(PassContext context, StageChain chain, StageModel final, List<TextEdit> edits, List<Finding> findings)
    {
        var set = chain.AllInstructions().LastOrDefault(i => i.Kind == InstructionKind.Env && i.Arguments is KeyValueArguments pairs && pairs.Pairs.Any(p => p.Key.Value == NodeEnv));
        if (set is not null)
        {
            return;
        }

        // After the last instruction that changes files: no npm install (which omits devDependencies under NODE_ENV=production)
        // and no build runs with it, and the layers above stay cached.
        var anchor = final.Instructions.LastOrDefault(i => i.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add) ?? (InstructionSyntax)final.From;
        if (context.IsIgnored(final.From))
        {
            return;
        }

        edits.Add(InstructionEdits.InsertAfter(context.Syntax, anchor, context.Style, InstructionEdits.Format(context.Style, "ENV", $"{NodeEnv}=production")));
        findings.Add(PassContext.At(PassId, anchor, FindingKind.Applied,
            "added ENV NODE_ENV=production after the last RUN/COPY: libraries switch to their production behaviour (Express caches views and sends no stack traces); set after every install, so npm still installs what it did",
            changesBehaviour: true));
    }

    // The script `npm start` / `npm run NAME` / `npm run-script NAME` runs, or null for any other command.
    private static string? NpmScript(InstructionSyntax command) => Argv(command) switch
    {
        ["npm", "start"] => "start",
        ["npm", "run" or "run-script", var name] => name,
        _ => null,
    };

    private static ImmutableArray<string>? Argv(InstructionSyntax instruction) => instruction.Arguments switch
    {
        ExecFormArguments exec => exec.Values,
        ShellFormArguments shell when SimpleCommandReader.Read(shell.CommandText) is { Reason: null } read => read.Argv,
        _ => null,
    };

    // The node command the script amounts to, or why there is none.
    private static (ImmutableArray<string>? Node, string Why) NodeCommand(PassContext context, string script)
    {
        if (!context.BuildContext.IsKnown)
        {
            return (null, "no build context is known, so package.json's scripts cannot be read");
        }

        var scripts = Lockfiles.Scripts(context.BuildContext.ReadText("package.json"));
        if (!scripts.TryGetValue(script, out var body))
        {
            return (null, $"package.json has no '{script}' script (npm start would then run node server.js, if there is one)");
        }

        if (script == "start" && StartHooks.FirstOrDefault(scripts.ContainsKey) is { } hook)
        {
            return (null, $"npm start also runs the '{hook}' script");
        }

        if (scripts.ContainsKey("pre" + script) || scripts.ContainsKey("post" + script))
        {
            return (null, $"npm run {script} also runs its pre/post scripts");
        }

        var (argv, reason) = SimpleCommandReader.Read(body);
        if (reason is not null)
        {
            return (null, $"the '{script}' script '{body}' needs a shell ({reason})");
        }

        if (argv.IsEmpty || argv[0] != "node")
        {
            return (null, $"the '{script}' script '{body}' runs {(argv.IsEmpty ? "nothing" : argv[0])}, not node");
        }

        if (NodeAppImports.Read(context.BuildContext).ReadsNpmVariables is { } file)
        {
            return (null, $"{file} reads npm's npm_* variables, which only npm sets");
        }

        return (argv, string.Empty);
    }
}