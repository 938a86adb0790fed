using DockerOpt.Cli.CommandLine;

namespace DockerOpt.Cli.Input;

/// <summary>
/// Every Dockerfile the paths name, rewritten in memory, and the ones that could not be read or parsed. One bad file
/// among many does not hide the others' results (lint and --check go on); commands that write (--apply, --output) or
/// build (verify) refuse to start while any file is unreadable, so nothing is ever half-done.
/// </summary>
/// <param name="Rewrites">The files read, parsed and rewritten, in path order.</param>
/// <param name="Unreadable">The files that stopped before a rewrite, each with its <c>file:line:col</c> message.</param>
public sealed record RewritePlan(IReadOnlyList<PreparedRewrite> Rewrites, IReadOnlyList<UserInputException> Unreadable)
{
    /// <summary>Stops the command (exit 2, nothing written) when any file could not be rewritten.</summary>
    /// <param name="consequence">What the user is told did not happen, e.g. "nothing was written".</param>
    public void ThrowIfAnyUnreadable(string consequence)
    {
        if (Unreadable.Count == 0)
        {
            return;
        }

        if (Unreadable.Count == 1 && Rewrites.Count == 0)
        {
            throw Unreadable[0];
        }

        var messages = string.Join('\n', Unreadable.Select(static error => error.Message));
        var total = Unreadable.Count + Rewrites.Count;
        throw new UserInputException($"{messages}\ndockeropt: {Unreadable.Count} of {total} Dockerfiles cannot be rewritten; {consequence}");
    }

    /// <summary>Prints the unreadable files' messages; returns the exit code they call for (2), or <paramref name="otherwise"/>.</summary>
    public int ReportUnreadable(TextWriter error, int otherwise)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var unreadable in Unreadable)
        {
            error.WriteLine(unreadable.Message);
        }

        if (Unreadable.Count > 0 && Rewrites.Count > 0)
        {
            error.WriteLine($"dockeropt: {Unreadable.Count} of {Unreadable.Count + Rewrites.Count} Dockerfiles could not be read or parsed; the others were processed");
        }

        return Unreadable.Count > 0 ? ExitCodes.BadInput : otherwise;
    }
}