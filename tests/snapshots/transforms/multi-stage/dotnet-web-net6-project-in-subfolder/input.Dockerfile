FROM mcr.microsoft.com/dotnet/sdk:6.0-alpine
WORKDIR /repo
COPY . .
RUN dotnet restore src/Orders.Api/Orders.Api.csproj
EXPOSE 80
ENTRYPOINT dotnet run --project src/Orders.Api --no-launch-profile -- --seed-data
