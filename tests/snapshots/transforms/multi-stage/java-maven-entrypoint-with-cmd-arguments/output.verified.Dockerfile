# dockersamples/atsea-sample-shop-app app/Dockerfile at fb55ebd6e886d1301b995b0b480902b0259ba60d (Apache-2.0): its appserver
# stage on a Temurin Maven image, started the way its final stage starts the jar
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /usr/src/atsea
COPY pom.xml .
RUN mvn -B -f pom.xml -s /usr/share/maven/ref/settings-docker.xml dependency:resolve
COPY . .
RUN mvn -B -s /usr/share/maven/ref/settings-docker.xml package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /usr/src/atsea
COPY --from=build /usr/src/atsea/target/AtSea-0.0.1-SNAPSHOT.jar /usr/src/atsea/AtSea-0.0.1-SNAPSHOT.jar
ENTRYPOINT ["java", "-jar", "/usr/src/atsea/AtSea-0.0.1-SNAPSHOT.jar"]
CMD ["--spring.profiles.active=postgres"]
