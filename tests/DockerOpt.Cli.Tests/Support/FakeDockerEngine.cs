namespace DockerOpt.Cli.Tests.Support;

/// <summary>
/// The script of a fake <c>docker</c> for <see cref="DockeroptProcess"/> that answers a whole verification: builds pass
/// except the original of <c>broken-original/</c> and the rewrite of <c>rewrite-fails/</c>; <c>save</c> writes a
/// one-layer docker-archive; the other commands answer as an empty engine would. A leading <c>--context NAME</c> is
/// skipped, as the real client takes it. It proves the CLI's side only.
/// </summary>
public static class FakeDockerEngine
{
    public const string Script = """
        if [ "$1" = --context ]; then shift 2; fi
        case "$1" in
          version) echo 26.1.5 ;;
          build)
            case "$*" in
              *broken-original/Dockerfile*) echo '#5 ERROR: process "/bin/sh -c apt-get update" did not complete successfully: exit code: 100' >&2; exit 1 ;;
              *Dockerfile.rewrite*rewrite-fails*) echo '#6 ERROR: the rewrite broke' >&2; exit 1 ;;
            esac
            echo '#5 [2/2] RUN apt-get update' >&2; echo '#5 DONE 0.1s' >&2 ;;
          save)
            d=$(mktemp -d); mkdir "$d/root"; echo hello > "$d/root/app.txt"
            tar -cf "$d/layer.tar" -C "$d/root" .
            printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["curl"]},"rootfs":{"type":"layers","diff_ids":[]},"history":[]}' > "$d/config.json"
            printf '[{"Config":"config.json","RepoTags":[],"Layers":["layer.tar"]}]' > "$d/manifest.json"
            tar -cf - -C "$d" manifest.json config.json layer.tar; rm -rf "$d" ;;
          image)
            case "$*" in
              *'{{json .Config}}'*) echo '{"Cmd":["curl"]}' ;;
              *'{{.Size}}'*) echo 12345 ;;
              *'{{json .RepoTags}}'*) echo '[]' ;;
            esac ;;
        esac
        """;
}