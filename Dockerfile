# Builds Quorum with the Maven wrapper and runs it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY migrations migrations
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 quorum && mkdir -p /app/data && chown quorum /app/data
COPY --from=build --chown=quorum /src/target/quarkus-app/ /app/quarkus-app/
COPY --chown=quorum content /app/content
USER quorum
EXPOSE 8080
ENV QUORUM_CONTENT_DIR=/app/content QUORUM_DATA_DIR=/app/data
ENTRYPOINT ["java", "-jar", "/app/quarkus-app/quarkus-run.jar"]
