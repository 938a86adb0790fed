FROM eclipse-temurin:21-jdk
WORKDIR /app
COPY . .
RUN ./gradlew build -x test
ENV JAVA_OPTS="-Xmx512m"
CMD java $JAVA_OPTS -jar build/libs/app.jar
