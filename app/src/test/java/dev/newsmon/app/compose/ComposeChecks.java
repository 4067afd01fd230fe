package dev.newsmon.app.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.app.compose.ComposeFile.Mount;
import dev.newsmon.app.compose.ComposeFile.Port;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.KafkaOptions;
import dev.newsmon.processor.classify.Themes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Compares a compose file with the code it runs: the CLI's subcommands, options and NEWSMON_* variables,
 * the topic set-up, and the Kafka listeners the services connect to. Returns problems, one line each.
 */
final class ComposeChecks {
    static final String OUR_IMAGE = "newsmon:";
    static final String KAFKA_IMAGE = "apache/kafka:";
    /** The largest processor scale the compose files and docs/ops.md promise work for every replica. */
    static final int DOCUMENTED_SCALE = 3;
    /** Paths inside our image that are content, not state (the jar, the bundled samples). */
    static final String IMAGE_CONTENT = "/app/";
    /** Loopback names never reach another container, so they cannot be what the stages bootstrap from. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "0.0.0.0", "");
    private static final Pattern ROLE_CHECK = Pattern.compile("newsmon\\.jar ([a-z][a-z-]*)");
    private static final Pattern BOOTSTRAP_FLAG = Pattern.compile("--bootstrap-server\\s+(\\S+)");
    private static final Pattern URL_PORT = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d+)");
    private static final Pattern NEWS_TOPIC = Pattern.compile("\\bnews\\.[a-z0-9_.-]+");

    private final CliModel cli;
    private final Set<String> extraVariables;
    private final List<String> problems = new ArrayList<>();
    private String file;

    /** @param extraVariables NEWSMON_* variables read outside picocli defaults (found by grepping getenv) */
    ComposeChecks(CliModel cli, Set<String> extraVariables) {
        this.cli = cli;
        this.extraVariables = extraVariables;
    }

    List<String> check(ComposeFile compose) {
        problems.clear();
        file = compose.name();
        Map<String, JsonNode> services = compose.services();
        if (services.isEmpty()) {
            problem("-", "no services");
            return List.copyOf(problems);
        }
        Map<String, JsonNode> ours = new LinkedHashMap<>();
        Map<String, JsonNode> brokers = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            String image = service.path("image").asText("");
            if (image.startsWith(OUR_IMAGE) || service.has("build")) {
                ours.put(name, service);
            } else if (image.startsWith(KAFKA_IMAGE)) {
                brokers.put(name, service);
            }
        });
        services.forEach((name, service) -> checkVariables(name, service, ours.containsKey(name)));
        checkSameImage(ours);
        ours.forEach(this::checkCommand);
        List<Endpoint> internal = checkBrokers(brokers);
        ours.forEach((name, service) -> checkOurService(name, service, internal));
        checkTopics(services, ours, brokers);
        return List.copyOf(problems);
    }

    private void problem(String service, String message) {
        problems.add(file + " service '" + service + "': " + message);
    }

    // ---- commands and variables -------------------------------------------------------------------

    private void checkCommand(String name, JsonNode service) {
        List<String> tokens = ComposeFile.command(service);
        if (tokens.isEmpty()) {
            problem(name, "runs our image without a command; the subcommand picks the role");
            return;
        }
        String sub = tokens.get(0);
        if (!cli.subcommands().contains(sub)) {
            problem(name, "command '" + sub + "' is not a newsmon subcommand (there are: "
                    + String.join(", ", cli.subcommands()) + ")");
            return;
        }
        List<String> args = tokens.subList(1, tokens.size());
        List<String> unknown = cli.unknownOptions(sub, args);
        for (String option : unknown) {
            problem(name, "'newsmon " + sub + "' has no option " + option + " (it has: "
                    + String.join(" ", longNames(sub)) + ")");
        }
        if (unknown.isEmpty()) {
            String parse = CliModel.parseProblem(tokens);
            if (parse != null) {
                problem(name, "'newsmon " + String.join(" ", tokens) + "' does not parse: " + parse);
            }
        }
    }

    private Set<String> longNames(String sub) {
        return cli.spec(sub).options().stream().map(OptionSpec::longestName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void checkVariables(String name, JsonNode service, boolean ours) {
        String sub = ours && !ComposeFile.command(service).isEmpty() ? ComposeFile.command(service).get(0) : null;
        ComposeFile.environment(service).forEach((variable, value) -> {
            if (!variable.startsWith("NEWSMON_")) {
                return;
            }
            if (!cli.variables().contains(variable) && !extraVariables.contains(variable)) {
                problem(name, variable + " is read by no newsmon option (known: "
                        + String.join(", ", cli.variables()) + ")");
                return;
            }
            if (!ours) {
                problem(name, variable + " is set on a service that does not run newsmon");
                return;
            }
            if (sub == null || !cli.subcommands().contains(sub) || extraVariables.contains(variable)) {
                return;
            }
            OptionSpec option = cli.optionReading(sub, variable);
            if (option == null) {
                problem(name, variable + " is not read by 'newsmon " + sub + "' (it reads: "
                        + String.join(", ", cli.variables(sub)) + ")");
            } else if (value != null && option.arity().max() > 0) {
                // Picocli converts the value exactly as it would the variable's: a bad duration fails here.
                String parse = CliModel.parseProblem(List.of(sub, option.longestName() + "=" + value));
                if (parse != null) {
                    problem(name, variable + "=" + value + " is not a valid " + option.longestName() + ": " + parse);
                }
            }
        });
    }

    // ---- images, volumes, ports, health --------------------------------------------------------------

    private void checkSameImage(Map<String, JsonNode> ours) {
        Set<String> images = new TreeSet<>();
        Set<String> builds = new TreeSet<>();
        ours.forEach((name, service) -> {
            images.add(service.path("image").asText("(none)"));
            builds.add(service.path("build").toString());
            if (!service.has("build")) {
                problem(name, "has no build: Compose would try to pull " + service.path("image").asText());
            }
        });
        if (images.size() > 1 || builds.size() > 1) {
            problem(String.join(",", ours.keySet()), "newsmon services must share one image and build, found "
                    + images + " built from " + builds);
        }
    }

    private void checkOurService(String name, JsonNode service, List<Endpoint> internal) {
        List<String> tokens = ComposeFile.command(service);
        if (tokens.isEmpty() || !cli.subcommands().contains(tokens.get(0))) {
            return;
        }
        String sub = tokens.get(0);
        List<String> args = tokens.subList(1, tokens.size());
        Map<String, String> env = ComposeFile.environment(service);
        boolean oneShot = sub.equals("topics");
        if (service.has("container_name")) {
            problem(name, "has a container_name, so it cannot be scaled or run twice");
        }
        String restart = service.path("restart").asText("no");
        if (!oneShot && restart.equals("no")) {
            problem(name, "is long-running but has no restart policy");
        }
        if (oneShot && !restart.equals("no")) {
            problem(name, "is one-shot; restart '" + restart + "' would rerun it after it completed");
        }
        for (Port port : ComposeFile.ports(service)) {
            if (port.hostPort() != null) {
                problem(name, "publishes fixed host port " + port.hostPort()
                        + "; --scale needs container ports only (\"" + port.containerPort() + "\")");
            }
        }
        if (cli.spec(sub).findOption("--bootstrap-servers") != null) {
            String bootstrap = cli.effective(sub, "--bootstrap-servers", args, env);
            Set<Endpoint> given = Endpoint.parseAll(bootstrap == null ? KafkaOptions.DEFAULT_BOOTSTRAP : bootstrap);
            if (!given.equals(new LinkedHashSet<>(internal))) {
                problem(name, "bootstraps from " + given + " but the brokers advertise " + internal
                        + " to containers");
            }
        }
        List<Mount> mounts = ComposeFile.mounts(service);
        for (OptionSpec option : cli.spec(sub).options()) {
            if (option.type() != Path.class) {
                continue;
            }
            String value = cli.effective(sub, option.longestName(), args, env);
            // Defaults are relative to the image's WORKDIR; only what the file sets is checked against its mounts.
            boolean explicit = args.stream().anyMatch(a -> a.equals(option.longestName())
                    || a.startsWith(option.longestName() + "=")) || env.containsKey(variableOf(option));
            if (value == null || !explicit || value.startsWith(IMAGE_CONTENT)) {
                continue;
            }
            if (!value.startsWith("/") || mounts.stream().noneMatch(m -> under(value, m.target()))) {
                problem(name, option.longestName() + " " + value + " is not on a volume: it is lost with the container");
            }
            if (sub.equals("process") && option.longestName().equals("--state-dir")) {
                mounts.stream().filter(m -> under(value, m.target()) && !m.anonymous()).forEach(m -> problem(name,
                        "--state-dir " + value + " is on shared volume '" + m.source() + "': scaled replicas would "
                                + "share one Streams state dir, whose lock refuses every replica but the first"));
            }
        }
        String health = ComposeFile.healthcheck(service);
        if (oneShot) {
            return;
        }
        if (health == null || health.isBlank()) {
            problem(name, "has no healthcheck");
        } else {
            Matcher role = ROLE_CHECK.matcher(health);
            if (role.find() && !role.group(1).equals(sub)) {
                problem(name, "healthcheck looks for 'newsmon.jar " + role.group(1) + "' but the service runs '"
                        + sub + "'");
            }
            Set<Integer> containerPorts = ComposeFile.ports(service).stream().map(Port::containerPort)
                    .collect(Collectors.toSet());
            service.path("expose").forEach(p -> containerPorts.add(Integer.parseInt(p.asText())));
            Matcher url = URL_PORT.matcher(health);
            while (url.find()) {
                if (!containerPorts.contains(Integer.parseInt(url.group(1)))) {
                    problem(name, "healthcheck probes port " + url.group(1) + " which the service does not publish "
                            + "or expose (" + containerPorts + ")");
                }
            }
        }
    }

    private static String variableOf(OptionSpec option) {
        Matcher m = Pattern.compile("\\$\\{(NEWSMON_[A-Z0-9_]+)").matcher(String.valueOf(option.defaultValue()));
        return m.find() ? m.group(1) : "";
    }

    private static boolean under(String path, String dir) {
        String d = dir.endsWith("/") ? dir : dir + "/";
        return path.equals(dir) || path.startsWith(d);
    }

    // ---- Kafka ------------------------------------------------------------------------------------------

    record Endpoint(String host, int port) {
        static Set<Endpoint> parseAll(String servers) {
            Set<Endpoint> set = new LinkedHashSet<>();
            for (String s : servers.split(",")) {
                String t = s.trim();
                int colon = t.lastIndexOf(':');
                set.add(new Endpoint(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1))));
            }
            return set;
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** "NAME://host:port,..." to name -> endpoint. */
    private static Map<String, Endpoint> listeners(String spec) {
        Map<String, Endpoint> map = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return map;
        }
        for (String item : spec.split(",")) {
            String[] nameRest = item.trim().split("://", 2);
            int colon = nameRest[1].lastIndexOf(':');
            map.put(nameRest[0], new Endpoint(nameRest[1].substring(0, colon),
                    Integer.parseInt(nameRest[1].substring(colon + 1))));
        }
        return map;
    }

    /** Checks every broker; returns the endpoints the brokers advertise to other containers. */
    private List<Endpoint> checkBrokers(Map<String, JsonNode> brokers) {
        List<Endpoint> internal = new ArrayList<>();
        if (brokers.isEmpty()) {
            problem("-", "no " + KAFKA_IMAGE + "* broker");
            return internal;
        }
        Set<String> images = new TreeSet<>();
        Set<String> clusterIds = new TreeSet<>();
        Map<String, String> nodeIds = new LinkedHashMap<>();
        Set<String> expectedVoters = new TreeSet<>();
        Set<Set<String>> voterSets = new LinkedHashSet<>();
        int count = brokers.size();
        brokers.forEach((name, service) -> {
            String image = service.path("image").asText();
            images.add(image);
            String tag = image.substring(KAFKA_IMAGE.length());
            if (!tag.matches("\\d+\\.\\d+\\.\\d+")) {
                problem(name, "image " + image + " is not pinned to a release tag");
            }
            if (service.has("container_name")) {
                problem(name, "has a container_name; the service name is its DNS name already");
            }
            if (service.path("restart").asText("no").equals("no")) {
                problem(name, "has no restart policy");
            }
            Map<String, String> env = ComposeFile.environment(service);
            String roles = env.getOrDefault("KAFKA_PROCESS_ROLES", "");
            if (!Set.of(roles.split(",")).equals(Set.of("broker", "controller"))) {
                problem(name, "KAFKA_PROCESS_ROLES is '" + roles + "', expected KRaft combined mode broker,controller");
            }
            clusterIds.add(String.valueOf(env.get("CLUSTER_ID")));
            String nodeId = env.get("KAFKA_NODE_ID");
            if (nodeId == null) {
                problem(name, "has no KAFKA_NODE_ID");
            } else if (nodeIds.containsValue(nodeId)) {
                problem(name, "KAFKA_NODE_ID " + nodeId + " is used by another broker");
            }
            nodeIds.put(name, nodeId);
            Map<String, Endpoint> listeners = listeners(env.get("KAFKA_LISTENERS"));
            Map<String, Endpoint> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
            Set<String> mapped = Arrays.stream(env.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(","))
                    .map(p -> p.split(":")[0]).collect(Collectors.toSet());
            listeners.keySet().stream().filter(l -> !mapped.contains(l)).forEach(l ->
                    problem(name, "listener " + l + " is missing from KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"));
            String controllerName = env.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "");
            Endpoint controller = listeners.get(controllerName);
            if (controller == null) {
                problem(name, "controller listener '" + controllerName + "' is not in KAFKA_LISTENERS");
            } else {
                expectedVoters.add(nodeId + "@" + service.path("hostname").asText(name) + ":" + controller.port());
            }
            voterSets.add(new TreeSet<>(Arrays.asList(env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "").split(","))));
            List<Port> ports = ComposeFile.ports(service);
            advertised.forEach((listener, endpoint) -> {
                Endpoint bound = listeners.get(listener);
                if (bound == null) {
                    problem(name, "advertised listener " + listener + " is not in KAFKA_LISTENERS");
                    return;
                }
                if (LOOPBACK.contains(endpoint.host())) {
                    // Reached from the host through a published port, which must lead to this listener.
                    boolean published = ports.stream().anyMatch(p -> p.hostPort() != null
                            && p.hostPort() == endpoint.port() && p.containerPort() == bound.port());
                    if (!published) {
                        problem(name, "advertises " + listener + "://" + endpoint + " but no published port "
                                + endpoint.port() + " leads to its container port " + bound.port());
                    }
                } else {
                    if (endpoint.port() != bound.port()) {
                        problem(name, "advertises " + listener + " on port " + endpoint.port() + " but listens on "
                                + bound.port());
                    }
                    if (!endpoint.host().equals(service.path("hostname").asText(name)) && !endpoint.host().equals(name)) {
                        problem(name, "advertises " + endpoint + ", which is not this service's name");
                    }
                    internal.add(endpoint);
                }
            });
            String inter = env.get("KAFKA_INTER_BROKER_LISTENER_NAME");
            if (inter != null && !advertised.containsKey(inter)) {
                problem(name, "inter-broker listener " + inter + " is not advertised");
            }
            checkReplication(name, env, count);
            checkBrokerHealth(name, service, listeners);
        });
        if (images.size() > 1) {
            problem(String.join(",", brokers.keySet()), "brokers run different images " + images);
        }
        if (clusterIds.size() > 1 || clusterIds.contains("null")) {
            problem(String.join(",", brokers.keySet()), "brokers need one shared CLUSTER_ID, found " + clusterIds);
        }
        for (Set<String> voters : voterSets) {
            if (!voters.equals(expectedVoters)) {
                problem(String.join(",", brokers.keySet()), "KAFKA_CONTROLLER_QUORUM_VOTERS " + voters
                        + " should name every broker's controller listener: " + expectedVoters);
            }
        }
        return internal;
    }

    /** Internal topics whose replication Kafka defaults to 3 must fit the brokers there are. */
    private void checkReplication(String name, Map<String, String> env, int brokers) {
        int offsets = intSetting(env, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3);
        int txn = intSetting(env, "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3);
        int txnIsr = intSetting(env, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2);
        int defaultRf = intSetting(env, "KAFKA_DEFAULT_REPLICATION_FACTOR", 1);
        int minIsr = intSetting(env, "KAFKA_MIN_INSYNC_REPLICAS", 1);
        for (var e : Map.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", offsets,
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", txn,
                "KAFKA_DEFAULT_REPLICATION_FACTOR", defaultRf).entrySet()) {
            if (e.getValue() > brokers) {
                problem(name, e.getKey() + " is " + e.getValue() + " but there are " + brokers + " brokers");
            }
        }
        if (txnIsr > txn) {
            problem(name, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR " + txnIsr + " exceeds its replication " + txn
                    + ": exactly_once_v2 could never commit");
        }
        if (minIsr > defaultRf) {
            problem(name, "KAFKA_MIN_INSYNC_REPLICAS " + minIsr + " exceeds KAFKA_DEFAULT_REPLICATION_FACTOR " + defaultRf);
        }
        if (brokers > 1 && (minIsr < 2 || minIsr >= defaultRf)) {
            problem(name, "with " + brokers + " brokers, min ISR (" + minIsr + ") should be at least 2 and below the "
                    + "replication factor (" + defaultRf + ") so one broker can stop without losing acked writes");
        }
    }

    private void checkBrokerHealth(String name, JsonNode service, Map<String, Endpoint> listeners) {
        String health = ComposeFile.healthcheck(service);
        if (health == null) {
            problem(name, "has no healthcheck");
            return;
        }
        if (health.contains("kafka-broker-api-versions")) {
            problem(name, "healthcheck uses kafka-broker-api-versions.sh, which exits 0 even when the broker is down");
        }
        if (!health.contains("kafka-topics.sh") && !health.contains("kafka-cluster.sh")) {
            problem(name, "healthcheck should ask the broker something that fails when it is down "
                    + "(kafka-topics.sh --list or kafka-cluster.sh cluster-id)");
        }
        Matcher m = BOOTSTRAP_FLAG.matcher(health);
        if (m.find()) {
            Endpoint probe = Endpoint.parseAll(m.group(1)).iterator().next();
            if (listeners.values().stream().noneMatch(l -> l.port() == probe.port())) {
                problem(name, "healthcheck probes port " + probe.port() + " but the broker listens on "
                        + listeners.values());
            }
        }
    }

    private int intSetting(Map<String, String> env, String key, int kafkaDefault) {
        String v = env.get(key);
        return v == null ? kafkaDefault : Integer.parseInt(v.trim());
    }

    // ---- topics -----------------------------------------------------------------------------------------

    private void checkTopics(Map<String, JsonNode> services, Map<String, JsonNode> ours, Map<String, JsonNode> brokers) {
        List<String> topicServices = ours.entrySet().stream()
                .filter(e -> ComposeFile.command(e.getValue()).stream().findFirst().orElse("").equals("topics"))
                .map(Map.Entry::getKey).toList();
        if (topicServices.size() != 1) {
            problem("-", "expected one service running 'newsmon topics', found " + topicServices);
            return;
        }
        String topicsName = topicServices.get(0);
        JsonNode topics = ours.get(topicsName);
        List<String> args = ComposeFile.command(topics).subList(1, ComposeFile.command(topics).size());
        Map<String, String> env = ComposeFile.environment(topics);
        int partitions = Integer.parseInt(cli.effective("topics", "--partitions", args, env));
        short replication = Short.parseShort(cli.effective("topics", "--replication-factor", args, env));
        String themesFile = cli.effective("topics", "--themes", args, env);
        Themes themes = themesFile == null ? Themes.loadDefault() : null;
        if (themes == null) {
            problem(topicsName, "--themes " + themesFile + " cannot be checked here; the alert topics come from it");
        }
        if (partitions < DOCUMENTED_SCALE) {
            problem(topicsName, partitions + " partitions leave replicas idle at the documented --scale processor="
                    + DOCUMENTED_SCALE);
        }
        if (replication > brokers.size()) {
            problem(topicsName, "replication factor " + replication + " needs " + replication + " brokers, there are "
                    + brokers.size());
        }
        brokers.forEach((name, broker) -> {
            int defaultRf = intSetting(ComposeFile.environment(broker), "KAFKA_DEFAULT_REPLICATION_FACTOR", 1);
            if (defaultRf != replication) {
                // Streams creates its changelog and repartition topics with the broker default.
                problem(name, "KAFKA_DEFAULT_REPLICATION_FACTOR " + defaultRf + " differs from the topics' "
                        + replication + ", so Streams' internal topics would be replicated differently");
            }
        });
        Map<String, String> deps = ComposeFile.dependsOn(topics);
        brokers.keySet().stream().filter(b -> !"service_healthy".equals(deps.get(b))).forEach(b ->
                problem(topicsName, "must wait for broker " + b + " with condition: service_healthy"));
        ours.forEach((name, service) -> {
            if (!name.equals(topicsName)
                    && !"service_completed_successfully".equals(ComposeFile.dependsOn(service).get(topicsName))) {
                problem(name, "must wait for '" + topicsName + "' with condition: service_completed_successfully");
            }
        });
        if (themes != null) {
            Set<String> created = new TreeSet<>(TopicSetup.topicNames(themes.names()));
            services.forEach((name, service) -> {
                Matcher m = NEWS_TOPIC.matcher(service.toString());
                while (m.find()) {
                    if (!created.contains(m.group())) {
                        problem(name, "names topic " + m.group() + " which 'newsmon topics' does not create " + created);
                    }
                }
            });
        }
    }
}
