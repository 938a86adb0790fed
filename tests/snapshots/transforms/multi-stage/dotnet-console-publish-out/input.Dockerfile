FROM mcr.microsoft.com/dotnet/sdk:9.0
WORKDIR /App

# Copy everything
COPY . ./
# Restore as distinct layers
RUN dotnet restore
# Build and publish a release
RUN dotnet publish -c Release -o out

ENTRYPOINT ["dotnet", "out/Worker.dll", "--once"]
