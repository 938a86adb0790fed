using DockerOpt.TestKit;

namespace DockerOpt.Syntax.Tests;

/// <summary>
/// Golden tests: every folder under tests/snapshots/syntax holds an <c>input.Dockerfile</c> and the verified tree
/// dump and <c>parse --format json</c> document for it. Adding a case is adding a folder.
/// </summary>
public sealed class SnapshotCaseTests
{
    private const string Folder = "syntax";

    public static TheoryData<string> Cases() => new(Snapshot.Cases(Folder));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_syntax_case_matches_its_verified_tree_and_json(string name)
    {
        string input = Snapshot.ReadInput($"{Folder}/{name}", "input.Dockerfile");
        DockerfileSyntax syntax = DockerfileParser.Parse(input, "input.Dockerfile");

        Assert.Null(TreeLaws.Violation(syntax));
        Snapshot.VerifyText(SyntaxTreeDumper.Dump(syntax), $"{Folder}/{name}", "tree");
        Snapshot.VerifyText(ParseJsonWriter.ToJson(syntax) + "\n", $"{Folder}/{name}", "parse", "json");
    }

    [Fact]
    public void There_is_a_case_for_every_construct_the_issue_lists()
    {
        Assert.True(Snapshot.Cases(Folder).Count() >= 40, "the syntax snapshot cases are missing");
    }
}