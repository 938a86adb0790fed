using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// What the .NET split knows about the official images and about project files, as data: which SDKs make a web app
/// (and so need the ASP.NET Core runtime), which TargetFrameworks have runtime images and from which version those
/// images carry their own non-root user, which publish settings make an output that is not a framework-dependent
/// <c>dotnet App.dll</c>, and which commands mark a development or test image.
/// </summary>
public static class DotNetFacts
{
    /// <summary>The last path segment of the SDK image (<c>mcr.microsoft.com/dotnet/sdk</c>).</summary>
    public const string SdkImageName = "sdk";

    /// <summary>The runtime image (last path segment) for an app of each known project SDK.</summary>
    public static FrozenDictionary<string, string> RuntimeImageBySdk { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.NET.Sdk.Web"] = "aspnet",
        ["Microsoft.NET.Sdk"] = "runtime",
        ["Microsoft.NET.Sdk.Worker"] = "runtime",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// TargetFrameworks with official runtime images at mcr.microsoft.com/dotnet/{aspnet,runtime}, and the version in
    /// their tags. netcoreapp2.x images live under the old dotnet/core/ names, so they are not here.
    /// </summary>
    public static FrozenDictionary<string, string> ImageVersionByTargetFramework { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["netcoreapp3.1"] = "3.1",
        ["net5.0"] = "5.0",
        ["net6.0"] = "6.0",
        ["net7.0"] = "7.0",
        ["net8.0"] = "8.0",
        ["net9.0"] = "9.0",
        ["net10.0"] = "10.0",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first major version whose images define the non-root <c>app</c> user (uid 1654) and <c>APP_UID</c>.</summary>
    public const int NonRootUserSinceMajor = 8;

    /// <summary>The USER a runtime stage gets on those images: the numeric uid, as the official samples write it (Kubernetes' runAsNonRoot can check a number).</summary>
    public const string NonRootUser = "$APP_UID";

    /// <summary>Project file extensions whose project <c>dotnet publish</c> builds.</summary>
    public static ImmutableArray<string> ProjectExtensions { get; } = [".csproj", ".fsproj", ".vbproj"];

    /// <summary>Solution file extensions: a folder with one of these and a project is ambiguous to <c>dotnet run</c>.</summary>
    public static ImmutableArray<string> SolutionExtensions { get; } = [".sln", ".slnx", ".slnf"];

    /// <summary>Text in a project file that names another project, whose own files a restore needs too.</summary>
    public const string ProjectReferenceMarker = "<ProjectReference";

    /// <summary>Whether a solution file lists a project outside its own folder (<c>Project(...) = "Api", "src\Api\Api.csproj"</c>, or slnx's <c>Path="src/Api/Api.csproj"</c>).</summary>
    public static bool ListsProjectsInOtherFolders(string solutionText)
    {
        ArgumentNullException.ThrowIfNull(solutionText);
        foreach (var rawLine in solutionText.Split('\n'))
        {
            var line = rawLine.Trim();
            var names = line.StartsWith("Project(", StringComparison.Ordinal) || line.StartsWith("<Project ", StringComparison.Ordinal);
            if (names && ProjectExtensions.Any(e => line.Contains(e, StringComparison.OrdinalIgnoreCase)) && (line.Contains('\\', StringComparison.Ordinal) || line.Contains('/', StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nearest of these above a project sets its defaults (MSBuild imports the first one found walking up).</summary>
    public const string DirectoryBuildProps = "Directory.Build.props";

    /// <summary>
    /// Project properties that, when true, make a publish output other than a framework-dependent <c>App.dll</c>
    /// (a native executable, one self-contained file, or an app that needs no runtime image), with why that matters.
    /// </summary>
    public static FrozenDictionary<string, string> NotFrameworkDependent { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["PublishAot"] = "a Native AOT publish makes a native executable, which needs runtime-deps, not dotnet App.dll",
        ["SelfContained"] = "a self-contained publish carries its own runtime, which needs runtime-deps, not dotnet App.dll",
        ["PublishSingleFile"] = "a single-file publish makes an executable, not dotnet App.dll",
        ["PublishTrimmed"] = "a trimmed publish is self-contained, which needs runtime-deps, not dotnet App.dll",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>dotnet publish flags that make a self-contained or runtime-specific output instead of a portable App.dll.</summary>
    public static ImmutableArray<string> SelfContainedPublishFlags { get; } = ["--self-contained", "--sc", "-r", "--runtime", "--use-current-runtime", "--ucr"];

    /// <summary>OutputType values of a project that makes an app (Microsoft.NET.Sdk defaults to a library).</summary>
    public static ImmutableArray<string> AppOutputTypes { get; } = ["Exe", "WinExe"];

    /// <summary>SDKs whose projects default to an app without an OutputType.</summary>
    public static ImmutableArray<string> AppByDefaultSdks { get; } = ["Microsoft.NET.Sdk.Web", "Microsoft.NET.Sdk.Worker"];

    /// <summary>Commands of development and test images: the SDK and the source are what they need, so there is no runtime to split off.</summary>
    public static ImmutableArray<(CommandPattern Command, string Why)> DevelopmentCommands { get; } =
    [
        (new CommandPattern("dotnet", ["watch"]), "a development loop that rebuilds from the source"),
        (new CommandPattern("dotnet", ["test"]), "a test run that needs the SDK and the source"),
    ];

    /// <summary><c>dotnet run</c> options that only shape the build or launch, and how many values each takes.</summary>
    public static FrozenDictionary<string, int> RunBuildOptions { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["--no-build"] = 0,
        ["--no-restore"] = 0,
        ["--no-launch-profile"] = 0,
        ["-c"] = 1,
        ["--configuration"] = 1,
        ["--project"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words in an SDK tag's variant that no runtime image shares (the SDK's own AOT images, Windows images).</summary>
    public static ImmutableArray<string> VariantsWithoutRuntimeImage { get; } = ["aot", "nanoserver", "windowsservercore", "ltsc"];

    /// <summary>Where the split publishes when the stage does not, first one outside the source tree.</summary>
    public static ImmutableArray<string> PublishFolders { get; } = ["/app", "/publish"];

    /// <summary>The launch settings <c>dotnet run</c> applies (environment, URLs) and <c>dotnet App.dll</c> does not.</summary>
    public const string LaunchSettings = "Properties/launchSettings.json";

    /// <summary>The version in an SDK or runtime image tag (<c>8.0</c>, <c>8.0.100-bookworm-slim</c> → 8.0), or null (latest, a variable).</summary>
    public static string? TagVersion(string? tag)
    {
        if (tag is null)
        {
            return null;
        }

        var parts = tag.Split('-')[0].Split('.');
        return parts.Length >= 2 && parts[0].All(char.IsAsciiDigit) && parts[1].All(char.IsAsciiDigit) && parts[0].Length > 0 && parts[1].Length > 0
            ? $"{parts[0]}.{parts[1]}"
            : null;
    }

    /// <summary>The variant part of an image tag (<c>8.0-alpine</c> → <c>-alpine</c>), which the runtime image keeps.</summary>
    public static string TagVariant(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? string.Empty : tag[dash..];
    }
}