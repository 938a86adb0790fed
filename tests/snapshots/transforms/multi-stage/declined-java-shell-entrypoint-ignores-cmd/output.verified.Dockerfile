FROM maven:3.9-eclipse-temurin-17
WORKDIR /usr/src/atsea
COPY . .
RUN mvn -B package -DskipTests
ENTRYPOINT java -jar target/*.jar
CMD ["--spring.profiles.active=postgres"]
