using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Core.Tests.Shell.Commands;

public class CommandRecognizerTests
{
    private static PackageManagerInvocation Invocation(string command) =>
        Assert.IsType<PackageManagerInvocation>(CommandRecognizer.Recognize(ShellParser.Parse(command).Commands[0].Simple!));

    private static string Packages(PackageManagerInvocation invocation) => string.Join(' ', invocation.Packages.Select(static p => p.Text));

    [Theory]
    [InlineData("apt-get update", PackageManager.Apt, "update", PackageAction.UpdateIndex)]
    [InlineData("apt-get install -y curl", PackageManager.Apt, "install", PackageAction.Install)]
    [InlineData("apt upgrade -y", PackageManager.Apt, "upgrade", PackageAction.Upgrade)]
    [InlineData("apt-get dist-upgrade -y", PackageManager.Apt, "dist-upgrade", PackageAction.Upgrade)]
    [InlineData("apt-get purge -y --auto-remove gcc", PackageManager.Apt, "purge", PackageAction.Remove)]
    [InlineData("apt-get autoremove -y", PackageManager.Apt, "autoremove", PackageAction.AutoRemove)]
    [InlineData("apt-get clean", PackageManager.Apt, "clean", PackageAction.CleanCache)]
    [InlineData("apk add --no-cache git", PackageManager.Apk, "add", PackageAction.Install)]
    [InlineData("apk del .build-deps", PackageManager.Apk, "del", PackageAction.Remove)]
    [InlineData("apk update", PackageManager.Apk, "update", PackageAction.UpdateIndex)]
    [InlineData("dnf install -y gcc", PackageManager.Dnf, "install", PackageAction.Install)]
    [InlineData("yum clean all", PackageManager.Yum, "clean", PackageAction.CleanCache)]
    [InlineData("microdnf install -y shadow-utils", PackageManager.Microdnf, "install", PackageAction.Install)]
    [InlineData("pip install --no-cache-dir -r requirements.txt", PackageManager.Pip, "install", PackageAction.Install)]
    [InlineData("pip3 install .", PackageManager.Pip, "install", PackageAction.Install)]
    [InlineData("/usr/local/bin/pip3.12 install flask", PackageManager.Pip, "install", PackageAction.Install)]
    [InlineData("python -m pip install --upgrade pip", PackageManager.Pip, "install", PackageAction.Install)]
    [InlineData("python3.12 -m pip install -e .", PackageManager.Pip, "install", PackageAction.Install)]
    [InlineData("npm ci --omit=dev", PackageManager.Npm, "ci", PackageAction.CleanInstall)]
    [InlineData("npm i", PackageManager.Npm, "i", PackageAction.Install)]
    [InlineData("npm install --production", PackageManager.Npm, "install", PackageAction.Install)]
    [InlineData("npm run build", PackageManager.Npm, "run", PackageAction.RunScript)]
    [InlineData("npm prune --production", PackageManager.Npm, "prune", PackageAction.Prune)]
    [InlineData("npm cache clean --force", PackageManager.Npm, "cache clean", PackageAction.CleanCache)]
    [InlineData("yarn", PackageManager.Yarn, "", PackageAction.Install)]
    [InlineData("yarn install --frozen-lockfile", PackageManager.Yarn, "install", PackageAction.Install)]
    [InlineData("yarn build", PackageManager.Yarn, "build", PackageAction.RunScript)]
    [InlineData("yarn cache clean", PackageManager.Yarn, "cache clean", PackageAction.CleanCache)]
    [InlineData("pnpm install --frozen-lockfile --prod", PackageManager.Pnpm, "install", PackageAction.Install)]
    [InlineData("pnpm run build", PackageManager.Pnpm, "run", PackageAction.RunScript)]
    [InlineData("go build -o /app ./cmd/server", PackageManager.Go, "build", PackageAction.Build)]
    [InlineData("go mod download", PackageManager.Go, "mod download", PackageAction.Download)]
    [InlineData("go install github.com/x/y@latest", PackageManager.Go, "install", PackageAction.Build)]
    [InlineData("cargo build --release", PackageManager.Cargo, "build", PackageAction.Build)]
    [InlineData("mvn -B clean package -DskipTests", PackageManager.Maven, "package", PackageAction.Build)]
    [InlineData("./mvnw dependency:go-offline", PackageManager.Maven, "dependency:go-offline", PackageAction.Download)]
    [InlineData("./gradlew clean bootJar --no-daemon", PackageManager.Gradle, "bootJar", PackageAction.Build)]
    [InlineData("dotnet restore", PackageManager.Dotnet, "restore", PackageAction.Download)]
    [InlineData("dotnet publish -c Release -o /app", PackageManager.Dotnet, "publish", PackageAction.Build)]
    [InlineData("gem install bundler --no-document", PackageManager.Gem, "install", PackageAction.Install)]
    [InlineData("bundle install --jobs 4", PackageManager.Bundler, "install", PackageAction.Install)]
    [InlineData("composer install --no-dev --optimize-autoloader", PackageManager.Composer, "install", PackageAction.Install)]
    [InlineData("sudo -E apt-get install -y git", PackageManager.Apt, "install", PackageAction.Install)]
    [InlineData("env DEBIAN_FRONTEND=noninteractive apt-get install -y git", PackageManager.Apt, "install", PackageAction.Install)]
    public void I_can_recognise_a_package_manager_invocation(string command, PackageManager tool, string verb, PackageAction action)
    {
        PackageManagerInvocation invocation = Invocation(command);

        Assert.Equal(tool, invocation.Tool);
        Assert.Equal(verb, invocation.Verb);
        Assert.Equal(action, invocation.Action);
    }

    [Theory]
    [InlineData("sudo -u node npm install -g pnpm", true)]
    [InlineData("sudo --user=app pip install flask", true)]
    [InlineData("sudo -E -g staff apt-get install -y git", true)]
    [InlineData("sudo -E apt-get install -y git", false)]
    [InlineData("env -u HOME npm ci", false)]
    [InlineData("npm ci", false)]
    public void I_can_tell_when_sudo_runs_the_tool_as_another_user(string command, bool expected)
    {
        Assert.Equal(expected, Invocation(command).RunsAsOtherUser);
    }

    [Fact]
    public void I_can_read_apt_packages_and_flags_apart()
    {
        PackageManagerInvocation apt = Invocation("apt-get -qq install -y --no-install-recommends -o Dpkg::Options::=--force-confold curl ca-certificates");

        Assert.Equal("curl ca-certificates", Packages(apt));
        Assert.True(apt.HasOption("--no-install-recommends"));
        Assert.True(apt.HasOption("-q"));
        Assert.True(apt.AssumesYes);
        Assert.Equal("Dpkg::Options::=--force-confold", apt.FindOption("-o")!.Value);
        Assert.Equal("install", apt.VerbWords[0].Text);
    }

    [Theory]
    [InlineData("apt-get install curl", false)]
    [InlineData("apt-get install -y curl", true)]
    [InlineData("apt-get install -yq curl", true)]
    [InlineData("apt-get install --yes curl", true)]
    [InlineData("apt-get install --assume-yes curl", true)]
    [InlineData("apt-get install -q curl", false)]
    public void I_can_tell_whether_apt_answers_yes(string command, bool expected)
    {
        Assert.Equal(expected, Invocation(command).AssumesYes);
    }

    [Fact]
    public void Apk_virtual_takes_a_value_that_is_not_a_package()
    {
        PackageManagerInvocation apk = Invocation("apk add --no-cache --virtual .build-deps gcc musl-dev");

        Assert.Equal("gcc musl-dev", Packages(apk));
        Assert.Equal(".build-deps", apk.FindOption("--virtual")!.Value);
        Assert.True(apk.HasOption("--no-cache"));
    }

    [Fact]
    public void I_can_read_pip_requirement_files_and_install_targets()
    {
        PackageManagerInvocation pip = Invocation("pip install --prefix=/install --user -r requirements.txt -r dev.txt -e . flask==3.0");

        Assert.Equal("requirements.txt dev.txt", string.Join(' ', pip.OptionValues("-r")));
        Assert.Equal("/install", pip.FindOption("--prefix")!.Value);
        Assert.True(pip.HasOption("--user"));
        Assert.Equal(".", pip.FindOption("-e")!.Value);
        Assert.Equal("flask==3.0", Packages(pip));
        Assert.False(pip.HasOption("--no-cache-dir"));
    }

    [Fact]
    public void I_can_read_npm_and_yarn_options()
    {
        Assert.Equal("dev", Invocation("npm ci --omit=dev").FindOption("--omit")!.Value);
        Assert.True(Invocation("npm install --only=prod").HasOption("--only"));
        Assert.True(Invocation("yarn install --immutable").HasOption("--immutable"));
        Assert.Equal("build", Invocation("npm run build").ScriptName);
        Assert.Equal("build", Invocation("yarn build").ScriptName);
        Assert.Null(Invocation("npm ci").ScriptName);
    }

    [Fact]
    public void I_can_see_go_environment_assignments_and_flags()
    {
        PackageManagerInvocation go = Invocation("CGO_ENABLED=0 GOOS=linux go build -ldflags=\"-s -w\" -trimpath -o /out/app .");

        Assert.Equal("0", go.Assignment("CGO_ENABLED"));
        Assert.Equal("-s -w", go.FindOption("-ldflags")!.Value);
        Assert.Equal("/out/app", go.FindOption("-o")!.Value);
        Assert.True(go.HasOption("-trimpath"));
        Assert.Equal(".", Packages(go));
    }

    [Fact]
    public void The_option_insertion_point_is_right_after_the_verb()
    {
        const string text = "npm install --omit=dev";
        PackageManagerInvocation npm = Invocation(text);

        Assert.Equal("npm install".Length, npm.OptionInsertionPoint);
        Assert.Equal(
            "npm ci --omit=dev",
            text[..npm.VerbWords[0].Span.Start] + "ci" + text[npm.VerbWords[0].Span.End..]);
    }

    [Theory]
    [InlineData("rm -rf /var/lib/apt/lists/*", true, true)]
    [InlineData("rm -f /tmp/a.tar.gz", false, true)]
    [InlineData("rm -r -f /tmp/x", true, true)]
    [InlineData("rm --recursive --force /tmp/x", true, true)]
    [InlineData("rm /tmp/x", false, false)]
    public void I_can_read_an_rm_command(string command, bool recursive, bool force)
    {
        RemoveFilesCommand rm = Assert.IsType<RemoveFilesCommand>(CommandRecognizer.Recognize(ShellParser.Parse(command).Commands[0].Simple!));

        Assert.Equal(recursive, rm.Recursive);
        Assert.Equal(force, rm.Force);
        Assert.Single(rm.Paths);
    }

    [Fact]
    public void I_can_read_rm_paths_with_globs_and_variables()
    {
        RemoveFilesCommand rm = Assert.IsType<RemoveFilesCommand>(
            CommandRecognizer.Recognize(ShellParser.Parse("rm -rf /var/lib/apt/lists/* \"$HOME/.cache\" -- -odd").Commands[0].Simple!));

        Assert.Equal(3, rm.Paths.Length);
        Assert.Equal("/var/lib/apt/lists/*", rm.Paths[0].Value);
        Assert.Null(rm.Paths[1].Value);
        Assert.Equal("-odd", rm.Paths[2].Value);
        Assert.True(rm.Paths[0].HasGlob);
        Assert.True(rm.Paths[1].HasExpansion);
    }

    [Fact]
    public void I_can_read_a_cd_command()
    {
        ChangeDirectoryCommand cd = Assert.IsType<ChangeDirectoryCommand>(CommandRecognizer.Recognize(ShellParser.Parse("cd /src/app").Commands[0].Simple!));

        Assert.Equal("/src/app", cd.Directory!.Value);
    }

    [Theory]
    [InlineData("echo apt-get install curl")]
    [InlineData("python3 app.py")]
    [InlineData("$PIP install x")]
    [InlineData("make install")]
    public void Other_commands_are_not_recognised(string command)
    {
        Assert.Null(CommandRecognizer.Recognize(ShellParser.Parse(command).Commands[0].Simple!));
    }

    [Fact]
    public void I_can_list_the_invocations_of_a_whole_RUN()
    {
        ShellScript script = ShellParser.Parse(
            "apt-get update && apt-get install -y --no-install-recommends python3-pip && pip install -r req.txt && rm -rf /var/lib/apt/lists/*");

        PackageManagerInvocation[] invocations = [.. CommandRecognizer.PackageManagerInvocations(script)];
        Assert.Equal([PackageAction.UpdateIndex, PackageAction.Install, PackageAction.Install], invocations.Select(static i => i.Action));
        Assert.Equal(4, CommandRecognizer.RecognizeAll(script).Count());
    }

    [Fact]
    public void Every_tool_has_facts_in_the_table()
    {
        foreach (PackageManager tool in Enum.GetValues<PackageManager>())
        {
            PackageManagerInfo info = PackageManagerFacts.For(tool);
            Assert.Equal(tool, info.Tool);
            Assert.NotEmpty(info.Executables);
            Assert.NotEmpty(info.CacheMounts);
            Assert.All(info.CacheMounts, static m => Assert.StartsWith("/", m.Target, StringComparison.Ordinal));
        }

        Assert.All(PackageManagerFacts.Apt.CacheMounts, static m => Assert.Equal("locked", m.Sharing));
        Assert.Contains("--no-cache-dir", PackageManagerFacts.Pip.NoCacheOptions);
        Assert.Same(PackageManagerFacts.Npm, PackageManagerFacts.ForExecutable("/usr/local/bin/npm"));
    }

    [Theory]
    [InlineData("git describe --tags --always", "describe", GitRepositoryUse.Reads, null, null)]
    [InlineData("git -C /src/app rev-parse HEAD", "rev-parse", GitRepositoryUse.Reads, "/src/app", null)]
    [InlineData("git -c core.autocrlf=false status --porcelain", "status", GitRepositoryUse.Reads, null, null)]
    [InlineData("git clone --depth 1 --branch v1 https://github.com/example/tool /src/tool", "clone", GitRepositoryUse.Creates, null, "/src/tool")]
    [InlineData("git clone https://github.com/example/tool.git", "clone", GitRepositoryUse.Creates, null, "tool")]
    [InlineData("git init .", "init", GitRepositoryUse.Creates, null, ".")]
    [InlineData("git config --global --add safe.directory /src", "config", GitRepositoryUse.None, null, null)]
    [InlineData("git --version", "", GitRepositoryUse.None, null, null)]
    [InlineData("sudo git ls-remote https://github.com/example/tool", "ls-remote", GitRepositoryUse.None, null, null)]
    public void I_can_tell_which_repository_a_git_command_works_on(string command, string verb, GitRepositoryUse use, string? directory, string? newRepository)
    {
        GitCommand git = Assert.IsType<GitCommand>(CommandRecognizer.Recognize(ShellParser.Parse(command).Commands[0].Simple!));

        Assert.Equal((verb, use, directory, newRepository), (git.Verb, git.Use, git.Directory, git.NewRepository));
    }
}