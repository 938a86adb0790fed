FROM eclipse-temurin:17-jdk-jammy
WORKDIR /workspace/app
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw
RUN ./mvnw dependency:go-offline
COPY src src
RUN ./mvnw clean package -DskipTests
ENV SPRING_PROFILES_ACTIVE=prod
CMD java -Xss512k -jar target/*.jar --server.port=8080
