# One image for every role: the subcommand (up, topics, process, sink, ingest, ...) picks what it runs.
#   docker build -t newsmon:local .
#   docker run --rm newsmon:local --help

# ---- build stage ---------------------------------------------------------------------------------
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src

# Poms alone first: the dependency layer below is rebuilt only when a pom changes, not on every edit.
COPY pom.xml ./
COPY common/pom.xml common/
COPY ingest/pom.xml ingest/
COPY processor/pom.xml processor/
COPY sink/pom.xml sink/
COPY app/pom.xml app/
# 3.9.0 skips the reactor's own modules (not built yet); older go-offline fails on them.
RUN mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline

COPY common/src common/src
COPY ingest/src ingest/src
COPY processor/src processor/src
COPY sink/src sink/src
COPY app/src app/src
RUN mvn -B -q -DskipTests package

# ---- runtime stage -------------------------------------------------------------------------------
FROM eclipse-temurin:17.0.19_10-jre-noble

# A fixed uid/gid so bind mounts (./alerts, ./inbox) can be chowned to it on the host.
ARG UID=10001
ARG GID=10001
RUN groupadd --system --gid "${GID}" newsmon \
 && useradd --system --uid "${UID}" --gid newsmon --home-dir /var/lib/newsmon --no-create-home newsmon \
 && mkdir -p /var/lib/newsmon /alerts /inbox \
 && chown newsmon:newsmon /var/lib/newsmon /alerts /inbox

COPY --from=build /src/app/target/newsmon.jar /app/newsmon.jar
COPY samples /app/samples

# Relative defaults (.newsmon, alerts) land in the writable home, never in /app.
WORKDIR /var/lib/newsmon
# Lets "docker run newsmon:local up --once" find the bundled corpus from any working directory.
ENV NEWSMON_SAMPLES=/app/samples/articles
USER newsmon:newsmon

# The container's memory limit, not the host's, sizes the heap; Streams' RocksDB lives off-heap, hence 60%.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/newsmon.jar"]
CMD ["--help"]
