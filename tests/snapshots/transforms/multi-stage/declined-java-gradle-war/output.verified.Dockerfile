FROM gradle:8.10-jdk17
WORKDIR /src
COPY . .
RUN gradle war --no-daemon
CMD ["java", "-jar", "build/libs/portal.war"]
