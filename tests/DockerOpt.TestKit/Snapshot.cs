using System.Globalization;
using System.Text;

using DiffPlex.Renderer;

using Xunit.Sdk;

namespace DockerOpt.TestKit;

/// <summary>
/// Snapshot assertions following Verify's conventions: <c>NAME.verified.EXT</c> is committed and
/// reviewed like code; a mismatch writes <c>NAME.received.EXT</c> beside it and fails with a unified
/// diff in which carriage returns, tabs and trailing spaces are visible. Accepting is explicit
/// (DOCKEROPT_ACCEPT=1) and refused under CI=true.
/// </summary>
public static class Snapshot
{
    private const string AcceptVariable = "DOCKEROPT_ACCEPT";
    private const string UsageLogVariable = "DOCKEROPT_SNAPSHOT_LOG";
    private static readonly object UsageLogLock = new();

    /// <summary>
    /// Compares a text report: line endings are normalised to LF on both sides, so reports stay
    /// readable on every platform. Scrub temp paths, durations and sizes before calling.
    /// </summary>
    public static void VerifyText(string actual, string folder, string name, string extension = "txt") =>
        Verify(NormaliseNewlines(actual), folder, name, extension, exactBytes: false);

    /// <summary>
    /// Compares a Dockerfile (or any file whose bytes matter) exactly: no newline normalisation,
    /// so CRLF, BOM and missing final newlines are part of the contract.
    /// </summary>
    public static void VerifyExact(string actual, string folder, string name, string extension = "Dockerfile") =>
        Verify(actual, folder, name, extension, exactBytes: true);

    /// <summary>Reads a case input (e.g. <c>input.Dockerfile</c>) exactly as stored, BOM included.</summary>
    public static string ReadInput(string folder, string fileName) =>
        ReadExact(Path.Combine(Repo.SnapshotsDirectory, folder, fileName));

    /// <summary>The case folders below a snapshot folder: adding a case is adding a folder.</summary>
    public static IEnumerable<string> Cases(string folder)
    {
        var path = Path.Combine(Repo.SnapshotsDirectory, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateDirectories(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
    }

    private static void Verify(string actual, string folder, string name, string extension, bool exactBytes)
    {
        var directory = Path.Combine(Repo.SnapshotsDirectory, folder);
        var verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        RecordUsage(verifiedPath);

        var expected = File.Exists(verifiedPath) ? ReadExact(verifiedPath) : null;
        if (expected is not null && !exactBytes)
        {
            expected = NormaliseNewlines(expected);
        }

        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (IsAccepting())
        {
            WriteExact(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        WriteExact(receivedPath, actual);
        var relative = Path.GetRelativePath(Repo.Root, verifiedPath);
        var message = expected is null
            ? $"New snapshot {relative}: no verified file yet. Review {Path.GetFileName(receivedPath)} and accept it with {AcceptVariable}=1.\n{Visible(actual)}"
            : $"Snapshot mismatch for {relative} ({(exactBytes ? "bytes" : "text")} compared). Received written beside it.\n"
              + Visible(UnidiffRenderer.GenerateUnidiff(expected, actual, "verified", "received", false, false, 3));
        throw new XunitException(message);
    }

    private static bool IsAccepting()
    {
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        if (accept && Repo.IsCi)
        {
            throw new XunitException($"{AcceptVariable}=1 is refused when CI=true: snapshots are accepted by a person, never by CI.");
        }

        return accept;
    }

    /// <summary>
    /// Shows what a diff would otherwise hide: \r as ␍, tabs as →, trailing spaces as ·.
    /// </summary>
    public static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var line in text.Split('\n'))
        {
            var body = line.Replace("\r", "␍", StringComparison.Ordinal).Replace("\t", "→", StringComparison.Ordinal);
            var trimmed = body.TrimEnd(' ');
            builder.Append(trimmed).Append('·', body.Length - trimmed.Length).Append('\n');
        }

        return builder.ToString(0, builder.Length - 1);
    }

    private static string NormaliseNewlines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string ReadExact(string path)
    {
        // Decode without stripping the BOM: it is one of the bytes under test.
        var bytes = File.ReadAllBytes(path);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
    }

    private static void WriteExact(string path, string text) =>
        File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>
    /// Appends each verified path a test compared against to DOCKEROPT_SNAPSHOT_LOG, so .ci/run can
    /// fail on verified files that no test uses any more. Each test process writes its own file
    /// (the log path plus ".&lt;pid&gt;"): .NET's append mode seeks to the end once at open instead of
    /// using O_APPEND, so two test projects appending to one file at once could overwrite each
    /// other's lines, and a snapshot a test did compare was then reported as an orphan.
    /// </summary>
    private static void RecordUsage(string verifiedPath)
    {
        var log = Environment.GetEnvironmentVariable(UsageLogVariable);
        if (string.IsNullOrEmpty(log))
        {
            return;
        }

        lock (UsageLogLock)
        {
            File.AppendAllText(log + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path.GetRelativePath(Repo.Root, verifiedPath).Replace('\\', '/') + "\n");
        }
    }
}