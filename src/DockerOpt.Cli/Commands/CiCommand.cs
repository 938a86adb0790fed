using System.CommandLine;
using System.Globalization;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Engine.Budget;
using DockerOpt.Engine.Ci;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt ci github</c>: prints a ready GitHub Actions workflow that builds the image, checks its size budget
/// and compares its size with the base branch on pull requests.
/// </summary>
public sealed class CiCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt ci github > .github/workflows/image-size.yml",
        "dockeropt ci github --dockerfile api/Dockerfile --context api --max-size 150MB",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var dockerfile = new Option<string>("--dockerfile") { Description = "The Dockerfile, relative to the repository root", DefaultValueFactory = _ => "Dockerfile" };
        var context = new Option<string>("--context") { Description = "The build context, relative to the repository root", DefaultValueFactory = _ => "." };
        var maxSize = new Option<string>("--max-size") { Description = "The size budget the job enforces", DefaultValueFactory = _ => "300MB" };
        var maxWasted = new Option<string?>("--max-wasted") { Description = "Also fail on more wasted bytes than this" };
        var minEfficiency = new Option<string?>("--min-efficiency") { Description = "Also fail below this efficiency (0 to 1)" };
        var github = new Command("github", "Print a GitHub Actions workflow: build, size budget, size diff against the base branch")
        {
            dockerfile, context, maxSize, maxWasted, minEfficiency,
        };
        github.SetAction(parseResult =>
        {
            var size = parseResult.GetValue(maxSize)!;
            var wasted = parseResult.GetValue(maxWasted);
            if (ByteSize.Parse(size) is null || (wasted is not null && ByteSize.Parse(wasted) is null))
            {
                throw new UserInputException("dockeropt: --max-size and --max-wasted take sizes such as 300MB, 1.5GB or 512MiB");
            }

            double? efficiency = null;
            if (parseResult.GetValue(minEfficiency) is { } efficiencyText)
            {
                efficiency = double.TryParse(efficiencyText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= 1
                    ? value
                    : throw new UserInputException($"dockeropt: --min-efficiency {efficiencyText}: expected a number from 0 to 1");
            }

            var job = new GithubActionsJob(parseResult.GetValue(dockerfile)!, parseResult.GetValue(context)!, size, wasted, efficiency);
            console.Out.Write(job.Render());
            return ExitCodes.Success;
        });
        return new Command("ci", "Print CI configuration that keeps images small") { github };
    }
}