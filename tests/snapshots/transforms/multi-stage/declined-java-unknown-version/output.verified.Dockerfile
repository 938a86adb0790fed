FROM maven:latest
WORKDIR /usr/src/app
COPY . .
RUN mvn -B package -DskipTests
CMD ["java", "-jar", "target/app-1.0.jar"]
