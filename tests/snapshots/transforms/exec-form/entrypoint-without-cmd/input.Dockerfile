FROM eclipse-temurin:21-jre
COPY app.jar /app.jar
ENTRYPOINT java -jar /app.jar
