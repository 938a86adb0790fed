using System.Globalization;
using System.Xml.Linq;

namespace DockerOpt.Cli.Tests.Support;

/// <summary>
/// The JUnit XML that CI servers read (Jenkins, GitLab, GitHub test reporters; the Ant/Surefire shape): a
/// <c>testsuites</c> root holding <c>testsuite</c> elements with name, tests, failures, errors, skipped and time; each
/// <c>testcase</c> with name, classname and time, holding at most one of failure, error or skipped (failure and error
/// with a message and a type) and optionally system-out; and the counts adding up.
/// </summary>
public static class JunitShape
{
    public static void AssertValid(string xml)
    {
        var document = XDocument.Parse(xml);
        var root = document.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(XNamespace.None, root.Name.Namespace);
        var suites = root.Elements().ToList();
        Assert.NotEmpty(suites);
        Assert.All(suites, static suite => Assert.Equal("testsuite", suite.Name.LocalName));
        foreach (var suite in suites)
        {
            foreach (var attribute in new[] { "name", "tests", "failures", "errors", "skipped", "time" })
            {
                Assert.NotNull(suite.Attribute(attribute));
            }

            var cases = suite.Elements("testcase").ToList();
            Assert.All(suite.Elements(), static child => Assert.Contains(child.Name.LocalName, new[] { "properties", "testcase", "system-out", "system-err" }));
            Assert.Equal(cases.Count, Number(suite, "tests"));
            Assert.Equal(cases.Count(static c => c.Element("failure") is not null), Number(suite, "failures"));
            Assert.Equal(cases.Count(static c => c.Element("error") is not null), Number(suite, "errors"));
            Assert.Equal(cases.Count(static c => c.Element("skipped") is not null), Number(suite, "skipped"));
            Assert.True(double.TryParse((string)suite.Attribute("time")!, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            foreach (var testCase in cases)
            {
                Assert.False(string.IsNullOrEmpty((string?)testCase.Attribute("name")));
                Assert.False(string.IsNullOrEmpty((string?)testCase.Attribute("classname")));
                Assert.True(double.TryParse((string)testCase.Attribute("time")!, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
                var outcomes = testCase.Elements().Where(static e => e.Name.LocalName is "failure" or "error" or "skipped").ToList();
                Assert.True(outcomes.Count <= 1, $"{testCase.Attribute("name")} has {outcomes.Count} outcomes");
                Assert.All(testCase.Elements(), static child => Assert.Contains(child.Name.LocalName, new[] { "failure", "error", "skipped", "system-out", "system-err" }));
                foreach (var problem in outcomes.Where(static e => e.Name.LocalName is "failure" or "error"))
                {
                    Assert.NotNull(problem.Attribute("message"));
                    Assert.NotNull(problem.Attribute("type"));
                }
            }
        }

        Assert.Equal(suites.Sum(static s => Number(s, "tests")), Number(root, "tests"));
    }

    private static int Number(XElement element, string attribute) => int.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}