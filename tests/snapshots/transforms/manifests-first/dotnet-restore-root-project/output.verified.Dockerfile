FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /src
COPY cartservice.csproj NuGet.config ./
RUN dotnet restore

COPY . .

RUN dotnet publish -c Release -o /app
WORKDIR /app
ENTRYPOINT ["dotnet", "cartservice.dll"]
