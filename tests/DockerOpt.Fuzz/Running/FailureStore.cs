using System.Globalization;
using System.Text;

using DockerOpt.Fuzz.Generation;
using DockerOpt.Fuzz.Properties;

namespace DockerOpt.Fuzz.Running;

/// <summary>
/// Saves failing inputs under one folder (git-ignored <c>fuzz-failures/</c> by default): for each, the input as
/// generated, the minimized input when there is one, and a note with the failure and the command that reproduces it.
/// </summary>
internal sealed class FailureStore(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Writes the files of one failure; returns the path to name in reports (the minimized input if any).</summary>
    public string Save(FuzzInput input, PropertyFailure failure, byte[]? minimized)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(failure);
        System.IO.Directory.CreateDirectory(Directory);
        var stem = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"seed{input.Seed}-{input.Index}.{failure.Property}"));
        File.WriteAllBytes(stem + ".Dockerfile", input.Bytes);
        var note = new StringBuilder()
            .AppendLine(failure.ToString())
            .AppendLine()
            .AppendLine(input.Describe())
            .AppendLine(CultureInfo.InvariantCulture, $"input:     {stem}.Dockerfile");
        if (minimized is not null)
        {
            File.WriteAllBytes(stem + ".min.Dockerfile", minimized);
            note.AppendLine(CultureInfo.InvariantCulture, $"minimized: {stem}.min.Dockerfile ({minimized.Length} bytes)");
        }

        note.AppendLine(CultureInfo.InvariantCulture, $"reproduce: bash scripts/fuzz/run.sh --seed {input.Seed} --index {input.Index}");
        File.WriteAllText(stem + ".txt", note.ToString());
        return minimized is not null ? stem + ".min.Dockerfile" : stem + ".Dockerfile";
    }
}