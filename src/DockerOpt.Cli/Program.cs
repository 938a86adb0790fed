namespace DockerOpt.Cli;

/// <summary>Entry point of the dockeropt command line.</summary>
public static class Program
{
    public static int Main(string[] args) => args.Length >= 0 ? 0 : 1;
}
