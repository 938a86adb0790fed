FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /repo
COPY . .
RUN dotnet restore src/Orders.Api/Orders.Api.csproj
RUN dotnet publish src/Orders.Api/Orders.Api.csproj -c Release -o /app
ENTRYPOINT ["dotnet", "/app/Orders.Api.dll"]
