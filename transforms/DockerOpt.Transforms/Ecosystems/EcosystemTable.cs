using System.Collections.Immutable;

using DockerOpt.Core.Shell.Commands;
using DockerOpt.Transforms.Stages;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// The ecosystem facts, one row per ecosystem, in the order detection breaks ties. Passes read these rows;
/// they never test for a language by name. Node, Python, Go, .NET, Rust and Java (the last three split only) are what the passes act on today; the other
/// rows make detection (and later passes) a matter of data.
/// </summary>
public static class EcosystemTable
{
    public static Ecosystem Node { get; } = new(
        Id: "node",
        Name: "Node.js",
        ImageRepositories: ["node"],
        Tools: [.. PackageManagerPrograms("node"), "node", "npx", "corepack"],
        Manifests: ManifestsOf("node"),
        InstallCommands:
        [
            Cmd("npm", "ci"), Cmd("npm", "install"), Cmd("npm", "i"),
            Cmd("yarn", "install"), new CommandPattern("yarn", [], BareOnly: true),
            Cmd("pnpm", "install"), Cmd("pnpm", "i"),
        ],
        BuildCommands: [Cmd("npm", "run", "build"), Cmd("yarn", "build"), Cmd("yarn", "run", "build"), Cmd("pnpm", "build"), Cmd("pnpm", "run", "build")],
        PrefetchCommand: null,
        BuildOutputs: ["dist", "build", "out", ".next"],
        ProductionInstalls:
        [
            new("package-lock.json", "npm ci --omit=dev"),
            new("npm-shrinkwrap.json", "npm ci --omit=dev"),
            new("yarn.lock", "yarn install --frozen-lockfile --production"),
            new("pnpm-lock.yaml", "pnpm install --frozen-lockfile --prod"),
            new(null, "npm install --omit=dev"),
        ],
        RuntimeAssetDirectories: ["public", "views", "templates", "static"],
        Runtime: RuntimeKind.Interpreter,
        NativeMarkers:
        [
            new("package-lock.json", "\"hasInstallScript\": true", "a dependency runs an install script (often a native addon built with node-gyp)", true),
            new("package.json", "\"node-gyp\"", "node-gyp builds a native addon", true),
            new("package.json", "\"bcrypt\"", "bcrypt is a native addon", true),
            new("package.json", "\"sqlite3\"", "sqlite3 is a native addon", true),
            new("package.json", "\"better-sqlite3\"", "better-sqlite3 is a native addon", true),
            new("package.json", "\"canvas\"", "canvas links cairo", true),
            new("package.json", "\"sharp\"", "sharp ships glibc and musl builds of libvips", false),
            new("package.json", "\"node-sass\"", "node-sass is a native addon", true),
        ]);

    public static Ecosystem Python { get; } = new(
        Id: "python",
        Name: "Python",
        ImageRepositories: ["python", "pypy"],
        Tools: [.. PackageManagerPrograms("python"), "python", "pipenv", "poetry", "uv", "gunicorn", "uvicorn"],
        Manifests: ManifestsOf("python"),
        InstallCommands:
        [
            new CommandPattern(
                "pip", ["install"],
                ManifestFlags: ["-r", "--requirement", "-c", "--constraint"],
                SourceFlags: ["-e", "--editable"],
                PathArgumentsReadSource: true),
            new CommandPattern("poetry", ["install"], NoSourceFlags: ["--no-root"], ReadsSource: true),
            new CommandPattern("uv", ["sync"], NoSourceFlags: ["--no-install-project"], ReadsSource: true),
            Cmd("pipenv", "install"), Cmd("pipenv", "sync"),
        ],
        BuildCommands: [Cmd("python", "setup.py"), Cmd("pip", "wheel")],
        PrefetchCommand: null,
        BuildOutputs: ["dist"],
        ProductionInstalls: [],
        RuntimeAssetDirectories: [],
        Runtime: RuntimeKind.Interpreter,
        NativeMarkers:
        [
            new("requirements.txt", "psycopg2", "psycopg2 links libpq", true),
            new("requirements.txt", "mysqlclient", "mysqlclient links libmariadb", true),
            new("requirements.txt", "numpy", "numpy ships manylinux (glibc) wheels", false),
            new("requirements.txt", "pandas", "pandas ships manylinux (glibc) wheels", false),
            new("setup.py", "Extension(", "the project builds a C extension", true),
            new("pyproject.toml", "ext-modules", "the project builds a C extension", true),
        ]);

    public static Ecosystem Go { get; } = new(
        Id: "go",
        Name: "Go",
        ImageRepositories: ["golang"],
        Tools: [.. PackageManagerPrograms("go")],
        Manifests: ManifestsOf("go"),
        InstallCommands: [Cmd("go", "mod", "download")],
        BuildCommands: [Cmd("go", "build"), Cmd("go", "install")],
        PrefetchCommand: "go mod download",
        BuildOutputs: [],
        ProductionInstalls: [],
        RuntimeAssetDirectories: ["static", "templates", "public", "web", "assets", "migrations"],
        Runtime: RuntimeKind.NativeBinary,
        NativeMarkers:
        [
            new("go.mod", "github.com/mattn/go-sqlite3", "go-sqlite3 needs cgo", true),
            new("go.mod", "github.com/confluentinc/confluent-kafka-go", "confluent-kafka-go needs cgo", true),
        ]);

    public static Ecosystem Rust { get; } = new(
        Id: "rust",
        Name: "Rust",
        ImageRepositories: ["rust"],
        Tools: [.. PackageManagerPrograms("rust"), "rustc", "rustup"],
        Manifests: ManifestsOf("rust"),
        InstallCommands: [Cmd("cargo", "fetch")],
        BuildCommands: [Cmd("cargo", "build"), Cmd("cargo", "install")],
        PrefetchCommand: null,
        BuildOutputs: ["target/release"],
        ProductionInstalls: [],
        RuntimeAssetDirectories: ["static", "templates", "public", "assets"],
        Runtime: RuntimeKind.NativeBinary,
        NativeMarkers: [],
        SourceRunCommands: [Cmd("cargo", "run")],
        SplitPlanner: RustSplitPlanner.Instance);

    public static Ecosystem Java { get; } = new(
        Id: "java",
        Name: "Java",
        ImageRepositories: ["eclipse-temurin", "openjdk", "amazoncorretto", "maven", "gradle"],
        Tools: [.. PackageManagerPrograms("java"), "java"],
        Manifests: ManifestsOf("java"),
        InstallCommands: [Goal("mvn", "dependency:go-offline"), Goal("mvn", "dependency:resolve"), Goal("gradle", "dependencies")],
        BuildCommands:
        [
            Goal("mvn", "package"), Goal("mvn", "install"), Goal("mvn", "verify"),
            Goal("gradle", "build"), Goal("gradle", "assemble"), Goal("gradle", "bootJar"), Goal("gradle", "jar"), Goal("gradle", "shadowJar"),
            Goal("gradle", "war"), Goal("gradle", "bootWar"), Goal("gradle", "installDist"),
        ],
        PrefetchCommand: null,
        BuildOutputs: ["target", "build/libs"],
        ProductionInstalls: [],
        RuntimeAssetDirectories: [],
        Runtime: RuntimeKind.VirtualMachine,
        NativeMarkers: [],
        SplitPlanner: JavaSplitPlanner.Instance);

    public static Ecosystem DotNet { get; } = new(
        Id: "dotnet",
        Name: ".NET",
        ImageRepositories: ["dotnet/sdk", "dotnet/aspnet", "dotnet/runtime", "dotnet/runtime-deps"],
        Tools: [.. PackageManagerPrograms("dotnet")],
        Manifests: ManifestsOf("dotnet"),
        InstallCommands: [new CommandPattern("dotnet", ["restore"], PositionalsNameManifests: true)],
        BuildCommands: [Cmd("dotnet", "publish"), Cmd("dotnet", "build")],
        PrefetchCommand: null,
        BuildOutputs: ["out", "publish"],
        ProductionInstalls: [],
        RuntimeAssetDirectories: [],
        Runtime: RuntimeKind.VirtualMachine,
        NativeMarkers: [],
        SourceRunCommands: [Cmd("dotnet", "run")],
        SplitPlanner: DotNetSplitPlanner.Instance);

    public static Ecosystem Ruby { get; } = new(
        Id: "ruby",
        Name: "Ruby",
        ImageRepositories: ["ruby"],
        Tools: [.. PackageManagerPrograms("ruby"), "ruby", "rails", "rake"],
        Manifests: ManifestsOf("ruby"),
        InstallCommands: [Cmd("bundle", "install")],
        BuildCommands: [Cmd("rake", "assets:precompile"), Cmd("rails", "assets:precompile")],
        PrefetchCommand: null,
        BuildOutputs: ["public/assets"],
        ProductionInstalls: [],
        RuntimeAssetDirectories: [],
        Runtime: RuntimeKind.Interpreter,
        NativeMarkers: []);

    public static Ecosystem Php { get; } = new(
        Id: "php",
        Name: "PHP",
        ImageRepositories: ["php", "composer"],
        Tools: [.. PackageManagerPrograms("php"), "php", "docker-php-ext-install", "pecl"],
        Manifests: ManifestsOf("php"),
        InstallCommands: [new CommandPattern("composer", ["install"], NoSourceFlags: ["--no-scripts"], ReadsSource: true)],
        BuildCommands: [],
        PrefetchCommand: null,
        BuildOutputs: [],
        ProductionInstalls: [],
        RuntimeAssetDirectories: [],
        Runtime: RuntimeKind.Interpreter,
        NativeMarkers: []);

    /// <summary>Every ecosystem, in tie-break order.</summary>
    public static ImmutableArray<Ecosystem> All { get; } = [Node, Python, Go, Rust, Java, DotNet, Ruby, Php];

    /// <summary>The ecosystem with this id, or null.</summary>
    public static Ecosystem? Find(string id) => All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>The ecosystem's package managers (from <see cref="PackageManagerFacts"/>) as <see cref="ToolInvocation.Program"/> names them.</summary>
    private static IEnumerable<string> PackageManagerPrograms(string ecosystemId) =>
        PackageManagerFacts.All.Where(t => t.Ecosystem == ecosystemId).SelectMany(t => t.Executables).Select(ToolInvocation.Normalise).Distinct();

    /// <summary>
    /// The files the ecosystem's package managers read, from <see cref="PackageManagerFacts"/>, each once: one tool's
    /// in its own order; several tools' grouped by role (every manifest, then every lockfile, then configuration), so
    /// one tool's configuration never sits between the others' manifests and lockfiles.
    /// </summary>
    private static ImmutableArray<ManifestFile> ManifestsOf(string ecosystemId)
    {
        var tools = PackageManagerFacts.All.Where(t => t.Ecosystem == ecosystemId && !t.Manifests.IsEmpty).ToList();
        var files = tools.SelectMany(t => t.Manifests).Distinct();
        return tools.Count == 1 ? [.. files] : [.. files.OrderBy(m => m.Role)];
    }

    private static CommandPattern Cmd(string program, params string[] words) => new(program, [.. words]);

    // Maven goals and Gradle tasks come in any order among others (mvn clean package, gradle clean build -x test).
    private static CommandPattern Goal(string program, string goal) => new(program, [goal], AnyGoal: true);
}