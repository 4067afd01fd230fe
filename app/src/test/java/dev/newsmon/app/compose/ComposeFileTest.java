package dev.newsmon.app.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** There is no Docker engine in CI, so the compose files and the Dockerfile are checked against the code. */
class ComposeFileTest {
    private static final Pattern GETENV = Pattern.compile("getenv\\(\\s*\"(NEWSMON_[A-Z0-9_]+)\"");

    private static Path root;
    private static CliModel cli;
    private static ComposeChecks checks;

    @BeforeAll
    static void setUp() throws IOException {
        root = repoRoot();
        cli = new CliModel();
        checks = new ComposeChecks(cli, variablesReadByGetenv(root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.cluster.yml"})
    void composeFileAgreesWithTheCode(String name) {
        ComposeFile compose = ComposeFile.load(root.resolve(name));
        List<String> problems = checks.check(compose);
        assertEquals(List.of(), problems, () -> name + ":\n  " + String.join("\n  ", problems));
        // Guard against a vacuous pass: the stages the issue asks for are all there, run by our image.
        Map<String, JsonNode> services = compose.services();
        Set<String> roles = new TreeSet<>();
        services.values().stream().filter(s -> s.path("image").asText().startsWith(ComposeChecks.OUR_IMAGE))
                .forEach(s -> roles.add(ComposeFile.command(s).get(0)));
        assertEquals(Set.of("ingest", "process", "sink", "topics"), roles);
        assertTrue(Files.isRegularFile(root.resolve(services.get("processor").path("build").asText())
                .resolve("Dockerfile")), "build context of " + name + " has no Dockerfile");
    }

    @Test
    void clusterFileRunsThreeReplicatedBrokersAndPointsEveryStageAtAllOfThem() {
        ComposeFile cluster = ComposeFile.load(root.resolve("docker-compose.cluster.yml"));
        Map<String, JsonNode> brokers = new LinkedHashMap<>();
        cluster.services().forEach((n, s) -> {
            if (s.path("image").asText().startsWith(ComposeChecks.KAFKA_IMAGE)) {
                brokers.put(n, s);
            }
        });
        assertEquals(3, brokers.size());
        for (JsonNode broker : brokers.values()) {
            Map<String, String> env = ComposeFile.environment(broker);
            assertEquals("3", env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"));
            assertEquals("2", env.get("KAFKA_MIN_INSYNC_REPLICAS"));
            assertEquals("3", env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"));
        }
        JsonNode topics = cluster.services().get("topics");
        List<String> args = ComposeFile.command(topics).subList(1, ComposeFile.command(topics).size());
        assertEquals("3", cli.effective("topics", "--replication-factor", args, ComposeFile.environment(topics)));
        JsonNode processor = cluster.services().get("processor");
        String bootstrap = cli.effective("process", "--bootstrap-servers", List.of(), ComposeFile.environment(processor));
        assertEquals(brokers.size(), bootstrap.split(",").length, bootstrap);
    }

    @Test
    void opsGuideNamesEveryComposeVariableAndTheBrokerImage() throws IOException {
        String guide = Files.readString(root.resolve("docs/ops.md"));
        Pattern variable = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
        Pattern kafkaImage = Pattern.compile(Pattern.quote(ComposeChecks.KAFKA_IMAGE) + "[0-9.]+");
        for (String name : List.of("docker-compose.yml", "docker-compose.cluster.yml")) {
            String text = Files.readString(root.resolve(name));
            Matcher m = variable.matcher(text);
            while (m.find()) {
                assertTrue(guide.contains(m.group(1)), name + " reads ${" + m.group(1) + "}, docs/ops.md never explains it");
            }
            Matcher image = kafkaImage.matcher(text);
            while (image.find()) {
                assertTrue(guide.contains(image.group()), "docs/ops.md does not name " + image.group() + " from " + name);
            }
        }
    }

    // ---- the checker's failure paths, on small files -------------------------------------------------

    private static final String VALID = """
            name: t
            x-app: &app
              image: newsmon:local
              build: .
              restart: unless-stopped
              depends_on:
                topics:
                  condition: service_completed_successfully
            x-env: &env
              NEWSMON_BOOTSTRAP_SERVERS: kafka:9092
            services:
              kafka:
                image: apache/kafka:4.3.1
                restart: unless-stopped
                environment:
                  KAFKA_NODE_ID: 1
                  KAFKA_PROCESS_ROLES: broker,controller
                  KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093
                  KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093
                  KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092
                  KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                  KAFKA_INTER_BROKER_LISTENER_NAME: PLAINTEXT
                  KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER
                  CLUSTER_ID: 9jtODVC2SX2cuZ1JsQuXFg
                  KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1
                  KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1
                  KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1
                healthcheck:
                  test: ["CMD", "kafka-topics.sh", "--bootstrap-server", "localhost:9092", "--list"]
              topics:
                image: newsmon:local
                build: .
                command: ["topics", "--partitions", "3"]
                environment: *env
                depends_on:
                  kafka:
                    condition: service_healthy
              processor:
                <<: *app
                command: process --dedupe-horizon=P7D
                environment:
                  <<: *env
                  NEWSMON_STATE_DIR: /state/streams
                volumes:
                  - /state
                ports:
                  - "8080"
                healthcheck:
                  test: ["CMD-SHELL", "grep -q 'newsmon.jar process' /proc/1/cmdline"]
            """;

    private static List<String> problemsAfter(String from, String to) {
        assertTrue(VALID.contains(from), "the sample file has no '" + from + "' to replace");
        return checks.check(ComposeFile.parse("bad.yml", VALID.replace(from, to)));
    }

    private static void assertProblem(List<String> problems, String expected) {
        assertFalse(problems.isEmpty(), "the checker found nothing wrong");
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "no problem mentions '" + expected + "': " + problems);
    }

    @Test
    void theSmallValidFileHasNoProblems() {
        assertEquals(List.of(), checks.check(ComposeFile.parse("ok.yml", VALID)));
    }

    @Test
    void aFlagTheCliDoesNotHaveFails() {
        List<String> problems = problemsAfter("--dedupe-horizon=P7D", "--dedupe-horizon=P7D --no-such-flag 3");
        assertProblem(problems, "'newsmon process' has no option --no-such-flag");
    }

    @Test
    void aFlagOfAnotherSubcommandFails() {
        assertProblem(problemsAfter("\"--partitions\", \"3\"", "\"--alerts-dir\", \"/alerts\""),
                "'newsmon topics' has no option --alerts-dir");
    }

    @Test
    void aFlagValuePicocliRejectsFails() {
        assertProblem(problemsAfter("--dedupe-horizon=P7D", "--dedupe-horizon=soon"), "does not parse");
    }

    @Test
    void anUnknownSubcommandFails() {
        assertProblem(problemsAfter("command: process", "command: processor"),
                "command 'processor' is not a newsmon subcommand");
    }

    @Test
    void aVariableNoOptionReadsFails() {
        assertProblem(problemsAfter("NEWSMON_STATE_DIR: /state/streams", "NEWSMON_STATE_DIRECTORY: /state/streams"),
                "NEWSMON_STATE_DIRECTORY is read by no newsmon option");
    }

    @Test
    void aVariableAnotherSubcommandReadsFails() {
        assertProblem(problemsAfter("NEWSMON_STATE_DIR: /state/streams", "NEWSMON_ALERTS_DIR: /state/alerts"),
                "NEWSMON_ALERTS_DIR is not read by 'newsmon process'");
    }

    @Test
    void aVariableValueTheOptionRejectsFails() {
        assertProblem(problemsAfter("NEWSMON_STATE_DIR: /state/streams",
                "NEWSMON_STATE_DIR: /state/streams\n      NEWSMON_DEDUPE_HORIZON: a-week"), "NEWSMON_DEDUPE_HORIZON=a-week");
    }

    @Test
    void aHealthcheckThatCannotFailIsRejected() {
        assertProblem(problemsAfter("\"kafka-topics.sh\", \"--bootstrap-server\", \"localhost:9092\", \"--list\"",
                "\"kafka-broker-api-versions.sh\", \"--bootstrap-server\", \"localhost:9092\""),
                "exits 0 even when the broker is down");
    }

    @Test
    void bootstrapServersMustBeWhatTheBrokerAdvertises() {
        assertProblem(problemsAfter("NEWSMON_BOOTSTRAP_SERVERS: kafka:9092", "NEWSMON_BOOTSTRAP_SERVERS: kafka:29092"),
                "bootstraps from [kafka:29092] but the brokers advertise [kafka:9092]");
    }

    @Test
    void aHostListenerMustBeReachableThroughItsPublishedPort() {
        String listeners = "KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093";
        String advertised = "KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092";
        assertTrue(VALID.contains(listeners) && VALID.contains(advertised));
        String bad = VALID.replace(listeners, listeners + ",HOST://:9094")
                .replace(advertised, advertised + ",HOST://localhost:9092")
                .replace("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: PLAINTEXT:PLAINTEXT,",
                        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: HOST:PLAINTEXT,PLAINTEXT:PLAINTEXT,")
                .replace("    restart: unless-stopped\n    environment:\n      KAFKA_NODE_ID",
                        "    restart: unless-stopped\n    ports:\n      - \"127.0.0.1:9093:9094\"\n    environment:\n      KAFKA_NODE_ID");
        assertProblem(checks.check(ComposeFile.parse("bad.yml", bad)),
                "advertises HOST://localhost:9092 but no published port 9092 leads to its container port 9094");
        String good = bad.replace("127.0.0.1:9093:9094", "127.0.0.1:9092:9094");
        assertEquals(List.of(), checks.check(ComposeFile.parse("good.yml", good)));
    }

    @Test
    void aScaledServiceMustNotPinAHostPort() {
        assertProblem(problemsAfter("- \"8080\"", "- \"8080:8080\""), "publishes fixed host port 8080");
    }

    @Test
    void replicasCannotShareOneStateVolume() {
        assertProblem(problemsAfter("- /state\n", "- state:/state\n"), "on shared volume 'state'");
    }

    @Test
    void replicationBeyondTheBrokersFails() {
        assertProblem(problemsAfter("\"--partitions\", \"3\"", "\"--partitions\", \"3\", \"--replication-factor\", \"3\""),
                "replication factor 3 needs 3 brokers, there are 1");
    }

    @Test
    void theStagesMustWaitForTheTopics() {
        assertProblem(problemsAfter("condition: service_completed_successfully", "condition: service_started"),
                "must wait for 'topics' with condition: service_completed_successfully");
    }

    @Test
    void aHealthcheckForAnotherRoleFails() {
        assertProblem(problemsAfter("'newsmon.jar process'", "'newsmon.jar sink'"),
                "healthcheck looks for 'newsmon.jar sink' but the service runs 'process'");
    }

    // ---- the reader --------------------------------------------------------------------------------

    @Test
    void interpolationAndWordSplittingFollowCompose() {
        Map<String, String> env = Map.of("SET", "x", "EMPTY", "");
        assertEquals("x|d|", ComposeYaml.interpolate("${SET:-d}|${EMPTY:-d}|${EMPTY-d}", env));
        assertEquals("$HOME x", ComposeYaml.interpolate("$$HOME $SET", env));
        assertEquals(List.of("ingest", "--watch", "/inbox", "a b", "c&d"),
                ShellWords.split("ingest  --watch /inbox \"a b\" 'c&d' "));
        JsonNode processor = ComposeFile.parse("m.yml", VALID).services().get("processor");
        assertEquals("unless-stopped", processor.path("restart").asText(), "<< merge key not applied");
        assertEquals("kafka:9092", ComposeFile.environment(processor).get("NEWSMON_BOOTSTRAP_SERVERS"));
    }

    // ---- the image ---------------------------------------------------------------------------------

    @Test
    void dockerfileIsMultiStagePinnedNonRootAndRunsTheShadedJar() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("Dockerfile"));
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertTrue(from.size() >= 2, "multi-stage: a build stage and a runtime stage");
        for (String line : from) {
            String image = line.split("\\s+")[1];
            assertTrue(image.matches("[a-z0-9./-]+:\\d[\\w.-]*"), "image not pinned to a versioned tag: " + line);
        }
        assertTrue(from.get(0).contains("maven:") && from.get(from.size() - 1).contains("-jre"), from::toString);
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertFalse(user.matches("USER (root|0)(:.*)?"), "runtime must not run as root: " + user);

        String pom = Files.readString(root.resolve("app/pom.xml"));
        Matcher shaded = Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>").matcher(pom);
        assertTrue(shaded.find(), "app/pom.xml no longer names the shaded jar");
        String jar = shaded.group(1);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY --from=") && l.contains("app/target/" + jar)),
                "the runtime stage must copy app/target/" + jar);
        String entry = lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        List<String> argv = new ArrayList<>();
        new ObjectMapper().readTree(entry.substring("ENTRYPOINT ".length())).forEach(n -> argv.add(n.asText()));
        assertEquals("java", argv.get(0));
        assertEquals(List.of("-jar", "/app/" + jar), argv.subList(argv.size() - 2, argv.size()),
                "the subcommand must come right after the jar, from the compose command");

        Set<String> envs = new TreeSet<>();
        lines.stream().filter(l -> l.startsWith("ENV ")).forEach(l -> {
            Matcher m = Pattern.compile("(NEWSMON_[A-Z0-9_]+)=").matcher(l);
            while (m.find()) {
                envs.add(m.group(1));
            }
        });
        envs.removeAll(cli.variables());
        assertEquals(Set.of(), envs, "Dockerfile sets NEWSMON_* variables no option reads");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    /** The NEWSMON_* variables code reads directly rather than through a picocli default. */
    private static Set<String> variablesReadByGetenv(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Matcher m = GETENV.matcher(Files.readString(f));
                        while (m.find()) {
                            names.add(m.group(1));
                        }
                    }
                }
            }
        }
        return names;
    }
}
