using System.CommandLine;

using DockerOpt.Cli.CommandLine;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt completion bash|zsh</c>: prints a shell completion script. The script asks dockeropt itself for
/// suggestions through System.CommandLine's <c>[suggest:POSITION]</c> directive, so completions always match the
/// installed version's commands, options and option values.
/// </summary>
public sealed class CompletionCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "source <(dockeropt completion bash)          # in ~/.bashrc",
        "dockeropt completion zsh > \"${fpath[1]}/_dockeropt\"",
    ];

    private const string Bash = """
        # dockeropt completion for bash: source <(dockeropt completion bash)
        _dockeropt_complete() {
          local IFS=$'\n'
          local suggestions
          suggestions=$(dockeropt "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
          COMPREPLY=($(compgen -W "${suggestions}" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _dockeropt_complete dockeropt

        """;

    private const string Zsh = """
        #compdef dockeropt
        # dockeropt completion for zsh: dockeropt completion zsh > "${fpath[1]}/_dockeropt"
        _dockeropt() {
          local -a suggestions
          suggestions=("${(@f)$(dockeropt "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
          compadd -a suggestions
          _files
        }
        compdef _dockeropt dockeropt

        """;

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a shell completion script (bash or zsh)") { shell };
        command.SetAction(parseResult =>
        {
            console.Out.Write(parseResult.GetRequiredValue(shell) == "zsh" ? Zsh : Bash);
            return ExitCodes.Success;
        });
        return command;
    }
}