using DockerOpt.TestKit;

namespace DockerOpt.Transforms.Tests.Harness;

/// <summary>
/// The snapshot cases of one pass: every folder under tests/snapshots/transforms/PASS-ID/. Adding a case is
/// adding a folder with an <c>input.Dockerfile</c> (and optionally a <c>context/</c> folder and <c>options.txt</c>).
/// </summary>
public static class PassCases
{
    public static TheoryData<string> For(string passId)
    {
        var data = new TheoryData<string>();
        foreach (var name in Snapshot.Cases(Folder(passId)))
        {
            data.Add(name);
        }

        return data;
    }

    public static string Folder(string passId) => $"transforms/{passId}";
}