FROM mcr.microsoft.com/dotnet/sdk:6.0-alpine AS build
WORKDIR /repo
COPY . .
RUN dotnet restore src/Orders.Api/Orders.Api.csproj
RUN dotnet publish src/Orders.Api/Orders.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:6.0-alpine
WORKDIR /repo
EXPOSE 80
COPY --from=build /app .
ENTRYPOINT ["dotnet", "Orders.dll", "--seed-data"]
