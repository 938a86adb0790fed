namespace DockerOpt.Core.Shell.Commands;

/// <summary>What a package-manager verb does, whatever the tool calls it (<c>apt-get install</c>, <c>apk add</c>, <c>npm i</c>).</summary>
public enum PackageAction
{
    /// <summary>A verb dockeropt has no rule for.</summary>
    Other,

    /// <summary>Refresh the package index (<c>apt-get update</c>, <c>apk update</c>, <c>dnf makecache</c>).</summary>
    UpdateIndex,

    /// <summary>Install packages or a project's dependencies (<c>apt-get install</c>, <c>pip install</c>, <c>npm install</c>, <c>yarn</c>).</summary>
    Install,

    /// <summary>Install exactly what the lockfile says (<c>npm ci</c>; <c>yarn install --frozen-lockfile</c> is Install with a flag).</summary>
    CleanInstall,

    /// <summary>Upgrade installed packages (<c>apt-get upgrade</c>, <c>dist-upgrade</c>, <c>yum update</c>).</summary>
    Upgrade,

    /// <summary>Remove packages (<c>apt-get purge</c>, <c>apk del</c>, <c>npm uninstall</c>).</summary>
    Remove,

    /// <summary>Remove packages nothing depends on (<c>apt-get autoremove</c>).</summary>
    AutoRemove,

    /// <summary>Empty the tool's download cache (<c>apt-get clean</c>, <c>dnf clean all</c>, <c>npm cache clean</c>).</summary>
    CleanCache,

    /// <summary>Download dependencies without building (<c>go mod download</c>, <c>cargo fetch</c>, <c>dotnet restore</c>, <c>mvn dependency:go-offline</c>).</summary>
    Download,

    /// <summary>Build or package the project (<c>go build</c>, <c>cargo build</c>, <c>mvn package</c>, <c>dotnet publish</c>).</summary>
    Build,

    /// <summary>Run a project script (<c>npm run build</c>, <c>yarn build</c>).</summary>
    RunScript,

    /// <summary>Drop development dependencies (<c>npm prune --omit=dev</c>).</summary>
    Prune,
}