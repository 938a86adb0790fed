FROM maven:3.9.9-eclipse-temurin-21
WORKDIR /build
COPY . .
RUN mvn -B package -DskipTests
CMD java -jar target/*.jar
