FROM mcr.microsoft.com/dotnet/sdk:8.0

WORKDIR /src

COPY . .

RUN dotnet restore

ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

CMD ["dotnet", "run"]
