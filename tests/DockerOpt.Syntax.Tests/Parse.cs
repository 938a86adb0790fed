namespace DockerOpt.Syntax.Tests;

/// <summary>Small helpers shared by the targeted parser tests.</summary>
internal static class Parse
{
    /// <summary>Parses text, checks the tree laws, and returns the tree.</summary>
    public static DockerfileSyntax Text(string text)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text, "Dockerfile");
        Assert.Null(TreeLaws.Violation(syntax));
        return syntax;
    }

    /// <summary>The single instruction of a file, after a leading <c>FROM alpine</c> line when given.</summary>
    public static InstructionSyntax Instruction(string text, int index = 0) => Text(text).Instructions[index];
}