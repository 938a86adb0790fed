using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;

using DockerOpt.Cli.Verification;
using DockerOpt.Engine.Budget;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// <c>dockeropt verify DIR... --format junit</c>: JUnit XML as CI servers read it (the Ant/Jenkins/Surefire shape: one
/// <c>testsuites</c>, one <c>testsuite</c>, a <c>testcase</c> per Dockerfile with <c>classname</c> <c>dockeropt.verify</c>).
/// A rewrite that fails is a <c>failure</c>; bad input, an engine failure or a cancellation is an <c>error</c> (the test
/// could not say yes or no); nothing to verify is <c>skipped</c>. <c>system-out</c> carries the sizes and checks.
/// </summary>
public static class VerifyJunit
{
    public const string ClassName = "dockeropt.verify";

    public static void Write(TextWriter output, ImmutableArray<VerifyOutcome> outcomes, TimeSpan wallTime, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failures = outcomes.Count(static outcome => outcome.Verdict == VerifyVerdict.Failed);
        var errors = outcomes.Count(static outcome => outcome.Verdict is VerifyVerdict.BadInput or VerifyVerdict.EngineFailure or VerifyVerdict.Cancelled);
        var skipped = outcomes.Count(static outcome => outcome.Verdict == VerifyVerdict.NothingToVerify);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), Async = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        WriteCounts(xml, "dockeropt verify", outcomes.Length, failures, errors, skipped, wallTime);
        xml.WriteStartElement("testsuite");
        WriteCounts(xml, "dockeropt verify", outcomes.Length, failures, errors, skipped, wallTime);
        xml.WriteAttributeString("timestamp", startedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", Environment.MachineName);
        foreach (var outcome in outcomes)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", ClassName);
            xml.WriteAttributeString("name", XmlSafe(outcome.DisplayPath));
            xml.WriteAttributeString("time", Seconds(outcome.Duration));
            switch (outcome.Verdict)
            {
                case VerifyVerdict.Failed:
                    WriteProblem(xml, "failure", "RewriteFailed", outcome.Message ?? "the rewrite failed");
                    break;
                case VerifyVerdict.BadInput or VerifyVerdict.EngineFailure or VerifyVerdict.Cancelled:
                    WriteProblem(xml, "error", outcome.Verdict.ToString(), outcome.Message ?? VerifyBatchTable.VerdictWord(outcome.Verdict));
                    break;
                case VerifyVerdict.NothingToVerify:
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", XmlSafe(outcome.Message ?? "nothing to verify"));
                    xml.WriteEndElement();
                    break;
                default:
                    break;
            }

            if (outcome.Report is { } report)
            {
                var lines = new List<string>
                {
                    $"size ({ByteSize.Format(report.Original.EngineSize)} -> {(report.Rewrite is { } rewrite ? ByteSize.Format(rewrite.EngineSize) : "does not build")})",
                };
                lines.AddRange(report.Checks.Select(static check => $"{(check.Passed ? "pass" : "FAIL")} {check.Name}: {check.Reason}"));
                xml.WriteElementString("system-out", XmlSafe(string.Join('\n', lines)));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCounts(XmlWriter xml, string name, int tests, int failures, int errors, int skipped, TimeSpan time)
    {
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static void WriteProblem(XmlWriter xml, string element, string type, string message)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("message", OneLine(XmlSafe(message)));
        xml.WriteAttributeString("type", type);
        xml.WriteString(XmlSafe(message));
        xml.WriteEndElement();
    }

    /// <summary>Build logs can hold terminal escapes and other characters XML 1.0 cannot carry; they are dropped.</summary>
    private static string XmlSafe(string text) => text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Where(XmlConvert.IsXmlChar));

    private static string OneLine(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 300 ? oneLine : oneLine[..297] + "...";
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}