using System.Globalization;
using System.Net.Sockets;

using DockerOpt.Engine.Engines;

namespace DockerOpt.Engine.Tests.Examples;

/// <summary>
/// The example's smoke check as a user would run it: start the image detached with the port published on
/// 127.0.0.1, GET the path until it answers (up to a minute, as the Verifier's probe waits) and hand back the body. Unlike the Verifier's
/// probe (which compares status codes) this reads the body, so an app that answers 200 with the wrong
/// text fails.
/// </summary>
internal static class ExampleHttpCheck
{
    // 20 s was too short on a loaded machine: `npm start` in the node originals took longer to listen at load 40 (three
    // node examples failed so, with an empty container log). An app that answers costs no more with a longer wait.
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromMinutes(1);

    public static async Task<string> GetBodyAsync(string image, ExampleSmokeCheck check)
    {
        var name = "dockeropt-e2e-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var port = string.Create(CultureInfo.InvariantCulture, $"{check.Port}");
            var started = await DockerCli.RunAsync("docker", ["run", "-d", "--name", name, "-p", $"127.0.0.1::{port}", image], DockerCli.ShortTimeout);
            Assert.True(started.ExitCode == 0, $"{image} did not start: {started.StandardError}");

            var published = await DockerCli.RunAsync("docker", ["port", name, port + "/tcp"], DockerCli.ShortTimeout);
            var hostPort = ContainerEngine.ParseHostPort(published.StandardOutput);
            Assert.True(hostPort is not null, $"docker port {name} {port}/tcp printed '{published.StandardOutput.Trim()}' {published.StandardError.Trim()}");

            var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{hostPort}{check.Path}"));
            var (body, failure) = await GetWithRetriesAsync(uri);
            if (body is null)
            {
                var logs = await DockerCli.RunAsync("docker", ["logs", "--tail", "20", name], DockerCli.ShortTimeout);
                Assert.Fail($"{image} did not answer GET {check.Path}: {failure}\ncontainer log:\n{logs.StandardOutput}{logs.StandardError}");
            }

            return body;
        }
        finally
        {
            await DockerCli.RemoveQuietlyAsync("rm", "-f", name);
        }
    }

    private static async Task<(string? Body, string Failure)> GetWithRetriesAsync(Uri uri)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + AnswerWithin;
        var failure = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(uri);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    return (body, "");
                }

                failure = string.Create(CultureInfo.InvariantCulture, $"status {(int)response.StatusCode}: {body}");
            }
            catch (HttpRequestException ex)
            {
                // Refused or reset while the server is still starting.
                failure = ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.Message;
            }
            catch (TaskCanceledException)
            {
                failure = "the request timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return (null, $"{uri} gave no 2xx answer within {AnswerWithin.TotalSeconds:0} s (last: {failure})");
    }
}