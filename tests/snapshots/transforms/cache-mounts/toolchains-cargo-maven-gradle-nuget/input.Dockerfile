FROM rust:1.79 AS rust
WORKDIR /src
COPY . .
RUN cargo build --release

FROM maven:3.9-eclipse-temurin-21 AS java
WORKDIR /src
COPY . .
RUN mvn -B package -DskipTests

FROM gradle:8-jdk21 AS kotlin
WORKDIR /src
COPY . .
RUN ./gradlew build --no-daemon

FROM mcr.microsoft.com/dotnet/sdk:8.0 AS dotnet
WORKDIR /src
COPY . .
RUN dotnet restore && dotnet publish -c Release -o /out --no-restore
