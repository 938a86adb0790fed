# dockeropt itself: the Native AOT binary on a small glibc runtime, as a non-root user.
#   docker build -t dockeropt .
#   docker run --rm -v "$PWD:/work" dockeropt rewrite            # ./Dockerfile of the current directory
# The build stage needs the official .NET 10 SDK image from mcr.microsoft.com, which an offline machine
# cannot pull; scripts/packaging/docker-runtime-check.sh builds and runs the runtime stage here from a locally
# published binary instead. `dockeropt rewrite --check Dockerfile` passes on this file.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Native AOT links with clang and needs zlib.
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean \
    && echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache \
    && apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/DockerOpt.Syntax/DockerOpt.Syntax.csproj src/DockerOpt.Syntax/
COPY src/DockerOpt.Core/DockerOpt.Core.csproj src/DockerOpt.Core/
COPY src/DockerOpt.Engine/DockerOpt.Engine.csproj src/DockerOpt.Engine/
COPY transforms/DockerOpt.Transforms/DockerOpt.Transforms.csproj transforms/DockerOpt.Transforms/
COPY src/DockerOpt.Cli/DockerOpt.Cli.csproj src/DockerOpt.Cli/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet restore src/DockerOpt.Cli -r linux-x64
COPY README.md ./
COPY src/ src/
COPY transforms/ transforms/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/DockerOpt.Cli -c Release -r linux-x64 -p:PublishAot=true --no-restore -o /out

FROM debian:bookworm-slim
COPY --from=build /out/dockeropt /usr/local/bin/dockeropt
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/dockeropt"]
CMD ["--help"]
