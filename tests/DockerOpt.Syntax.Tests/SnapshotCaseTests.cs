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
        string[] required =
        [
            "directives-syntax-escape-check", "directives-stop-at-blank-line", "directive-duplicate", "escape-backtick",
            "continuation-trailing-whitespace", "continuation-comment-and-blank-lines", "continuation-at-eof",
            "heredoc-run", "heredoc-strip-tabs", "heredoc-quoted-delimiters", "heredoc-several-per-line",
            "heredoc-redirection", "heredoc-at-eof", "heredoc-unterminated", "exec-form", "exec-form-invalid-json-falls-back",
            "env-both-forms", "arg-several", "onbuild-nested", "healthcheck", "from-platform-and-stages", "run-flags",
            "copy-add-flags", "all-simple-instructions", "keyword-case", "unknown-instruction", "crlf", "mixed-line-endings",
            "bom", "tabs", "no-final-newline", "empty-file",
        ];

        Assert.Empty(required.Except(Snapshot.Cases(Folder)));
    }
}