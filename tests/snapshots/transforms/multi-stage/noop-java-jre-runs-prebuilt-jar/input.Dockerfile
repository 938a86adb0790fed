FROM eclipse-temurin:21-jre
WORKDIR /app
COPY target/billing-2.1.0.jar app.jar
USER 10001
ENTRYPOINT ["java", "-jar", "app.jar"]
