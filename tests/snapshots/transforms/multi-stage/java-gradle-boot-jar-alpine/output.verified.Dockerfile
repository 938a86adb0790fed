FROM gradle:8.10-jdk21-alpine AS build
WORKDIR /home/gradle/project
COPY settings.gradle.kts build.gradle.kts ./
RUN gradle dependencies --no-daemon
COPY src ./src
RUN gradle clean bootJar --no-daemon -x test
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

FROM eclipse-temurin:21-jre-alpine
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/libs/inventory-0.3.0.jar /home/gradle/project/inventory-0.3.0.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
CMD ["java", "-jar", "inventory-0.3.0.jar"]
