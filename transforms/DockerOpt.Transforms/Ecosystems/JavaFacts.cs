using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

using DockerOpt.Core.Images;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// What the Java split knows, as data: which JDK images it can read a Java version and an OS flavour from, and the
/// Eclipse Temurin JRE image of the same version and flavour (the maven and gradle images are built on Temurin's
/// JDK); which goals and tasks of Maven and Gradle build the jar, only fetch dependencies, or make something else
/// (a WAR for an application server, a distribution with start scripts); and which JVM options name files.
/// </summary>
public static partial class JavaFacts
{
    /// <summary>The image whose JRE the runtime stage uses.</summary>
    public const string TemurinImage = "eclipse-temurin";

    /// <summary>OS flavours Temurin publishes JRE images for (Ubuntu releases, Alpine, UBI); others (Windows) are declined.</summary>
    public static ImmutableArray<string> TemurinFlavours { get; } = ["noble", "jammy", "focal", "alpine", "ubi9-minimal", "ubi10-minimal"];

    /// <summary>Where each build tool puts the jar, relative to the project folder it runs in.</summary>
    public static FrozenDictionary<string, string> OutputFolders { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mvn"] = "target",
        ["gradle"] = "build/libs",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Goals and tasks that build the jar (a phase at or after package; Gradle's jar-making tasks).</summary>
    public static FrozenSet<string> JarGoals { get; } = new[]
    {
        "package", "install", "verify",
        "build", "assemble", "jar", "bootJar", "shadowJar",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Goals and tasks that only fetch dependencies or clean, and leave no other output the runtime needs.</summary>
    public static FrozenSet<string> FetchGoals { get; } = new[]
    {
        "clean", "dependency:go-offline", "dependency:resolve", "dependency:resolve-plugins", "dependencies",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Goals and tasks whose output is not a runnable jar, and why a JRE image with one jar does not run it.</summary>
    public static FrozenDictionary<string, string> OtherOutputGoals { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["war"] = "it builds a WAR, which runs in a servlet container (Tomcat, Jetty) whose runtime image the split does not pick; it ships only a jar started with java -jar",
        ["bootWar"] = "it builds a WAR, which runs in a servlet container (Tomcat, Jetty) whose runtime image the split does not pick; it ships only a jar started with java -jar",
        ["installDist"] = "it builds a distribution (start scripts and a lib/ folder), not one jar",
        ["distZip"] = "it builds a distribution (start scripts and a lib/ folder), not one jar",
        ["distTar"] = "it builds a distribution (start scripts and a lib/ folder), not one jar",
        ["bootDistZip"] = "it builds a distribution (start scripts and a lib/ folder), not one jar",
        ["jlink"] = "it builds a custom runtime image, not one jar",
        ["nativeCompile"] = "it builds a native image, not a jar",
        ["native:compile"] = "it builds a native image, not a jar",
        ["spring-boot:run"] = "it runs the app from the source (a development image)",
        ["bootRun"] = "it runs the app from the source (a development image)",
        ["run"] = "it runs the app from the source (a development image)",
        ["test"] = "it runs the tests (a test image)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Maven and Gradle options that build another project than the one in the working folder (unless they name its own build file).</summary>
    public static ImmutableArray<string> OtherProjectFlags { get; } = ["-f", "--file", "-pl", "--projects", "-p", "--project-dir", "-b", "--build-file"];

    /// <summary>The build files -f/-b may name without building another project (the project in the working folder).</summary>
    public static FrozenSet<string> DefaultBuildFiles { get; } = new[] { "pom.xml", "build.gradle", "build.gradle.kts" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>JVM options whose value starts something from a file the runtime stage would not have (an agent jar).</summary>
    public static ImmutableArray<string> FileOptionPrefixes { get; } = ["-javaagent:", "-agentpath:", "@"];

    /// <summary>JVM options that run something other than one jar (a class path, a module).</summary>
    public static ImmutableArray<string> NotJarOptions { get; } = ["-cp", "-classpath", "--class-path", "-m", "--module", "-p", "--module-path"];

    /// <summary>
    /// Maven plugins that leave the project's one jar alone in target/ (compiling, testing, resources, Spring Boot's
    /// repackage, which keeps the name and moves the plain jar to .jar.original). Any other plugin may add or rename a
    /// jar there (shade's original-*.jar, assembly's -jar-with-dependencies), so a jar named from pom.xml alone is unsafe.
    /// </summary>
    public static FrozenSet<string> JarNeutralMavenPlugins { get; } = new[]
    {
        "spring-boot-maven-plugin", "maven-compiler-plugin", "maven-surefire-plugin", "maven-failsafe-plugin",
        "maven-resources-plugin", "jacoco-maven-plugin", "maven-enforcer-plugin", "maven-checkstyle-plugin",
        "spotless-maven-plugin", "maven-clean-plugin", "maven-install-plugin", "maven-deploy-plugin",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Parent poms known to set no finalName and to bind no plugin that adds a jar (Spring Boot's starter parent only
    /// configures plugins a child declares). Any other parent may, and is usually not in the build context.
    /// </summary>
    public static FrozenSet<string> JarNeutralMavenParents { get; } = new[] { "spring-boot-starter-parent" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The JDK image's Java major version and OS flavour, and the Temurin JRE image that matches it; or why it is not
    /// known. <c>eclipse-temurin:21[-jdk][-FLAVOUR]</c> → <c>eclipse-temurin:21-jre[-FLAVOUR]</c> (a full version tag keeps
    /// its version: Temurin publishes a JRE for each), <c>maven:3.9-eclipse-temurin-21[-FLAVOUR]</c> and
    /// <c>gradle:8.5-jdk21[-FLAVOUR]</c> (built on Temurin's JDK) → <c>eclipse-temurin:21-jre[-FLAVOUR]</c>.
    /// </summary>
    public static (string? Runtime, string? Decline) RuntimeImageFor(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var tag = image.Tag ?? "latest";
        string version;
        string flavour;
        switch (image.Name)
        {
            case TemurinImage when TemurinTag().Match(tag) is { Success: true } temurin:
                if (temurin.Groups["kind"].Value == "jre")
                {
                    return (null, $"'{image.Text}' is a JRE image, which has no compiler to build with");
                }

                version = temurin.Groups["version"].Value;
                flavour = temurin.Groups["flavour"].Value;
                break;
            case "maven" when MavenTag().Match(tag) is { Success: true } maven:
                version = maven.Groups["major"].Value;
                flavour = maven.Groups["flavour"].Value;
                break;
            case "gradle" when GradleTag().Match(tag) is { Success: true } gradle:
                version = gradle.Groups["major"].Value;
                flavour = gradle.Groups["flavour"].Value;
                break;
            case TemurinImage or "maven" or "gradle":
                return (null, $"the tag of '{image.Text}' names no Eclipse Temurin Java version (eclipse-temurin:21, maven:3.9-eclipse-temurin-21, gradle:8-jdk21), so the JRE to run the jar on is unknown");
            default:
                return (null, $"'{image.Text}' is not an Eclipse Temurin JDK (eclipse-temurin, maven:*-eclipse-temurin-N, gradle:*-jdkN), whose matching JRE image is known");
        }

        if (flavour.Length > 0 && !TemurinFlavours.Contains(flavour))
        {
            return (null, $"the tag of '{image.Text}' is a {flavour} variant, for which no matching eclipse-temurin JRE image is known");
        }

        var jreTag = version + "-jre" + (flavour.Length > 0 ? "-" + flavour : string.Empty);
        var path = image.Name == TemurinImage ? image.Path : (image.Path.Contains('/', StringComparison.Ordinal) ? image.Path[..(image.Path.LastIndexOf('/') + 1)] : string.Empty) + TemurinImage;
        return (image.WithPath(path).WithTag(jreTag).WithDigest(null).Text, null);
    }

    // 21, 21-jdk, 21-jdk-noble, 21-noble, 21.0.5_11-jdk-alpine, 8u432-b06-jdk, 21-jre.
    [GeneratedRegex(@"^(?<version>\d+(?:[.\d_]*|u\d+-b\d+))(?:-(?<kind>jdk|jre))?(?:-(?<flavour>[a-z][a-z0-9.-]*))?$")]
    private static partial Regex TemurinTag();

    // 3.9-eclipse-temurin-21, 3.9.6-eclipse-temurin-21-alpine, 3-eclipse-temurin-17-focal.
    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*-)?eclipse-temurin-(?<major>\d+)(?:-(?<flavour>[a-z][a-z0-9.-]*))?$")]
    private static partial Regex MavenTag();

    // 8.5-jdk21, 8-jdk21-jammy, jdk21, 8.5.0-jdk17-alpine (the default JDK of the gradle images is Temurin's).
    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*-)?jdk(?<major>\d+)(?:-(?<flavour>[a-z][a-z0-9.-]*))?$")]
    private static partial Regex GradleTag();
}