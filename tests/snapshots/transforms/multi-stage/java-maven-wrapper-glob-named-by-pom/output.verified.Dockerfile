FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /workspace/app
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw
RUN ./mvnw dependency:go-offline
COPY src src
RUN ./mvnw clean package -DskipTests
ENV SPRING_PROFILES_ACTIVE=prod

FROM eclipse-temurin:17-jre-jammy
WORKDIR /workspace/app
COPY --from=build /workspace/app/target/orders.jar /workspace/app/orders.jar
ENV SPRING_PROFILES_ACTIVE=prod
CMD ["java", "-Xss512k", "-jar", "orders.jar", "--server.port=8080"]
