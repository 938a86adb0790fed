using System.Text.Json;

namespace DockerOpt.Engine.Tests.Examples;

/// <summary>
/// An example's <c>smoke.json</c>: the container port and path to GET and the body it must answer with,
/// e.g. <c>{"http":{"port":8080,"path":"/healthz"},"expect":"ok"}</c>.
/// </summary>
public sealed record ExampleSmokeCheck(int Port, string Path, string ExpectedBody)
{
    public static ExampleSmokeCheck Read(string smokeJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(smokeJsonPath));
        var root = document.RootElement;
        var http = root.GetProperty("http");
        return new ExampleSmokeCheck(
            http.GetProperty("port").GetInt32(),
            http.GetProperty("path").GetString() ?? "/",
            root.GetProperty("expect").GetString() ?? "");
    }
}