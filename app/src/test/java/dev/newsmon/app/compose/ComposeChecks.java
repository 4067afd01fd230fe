package dev.newsmon.app.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.app.compose.BrokerChecks.Endpoint;
import dev.newsmon.app.compose.ComposeFile.Mount;
import dev.newsmon.app.compose.ComposeFile.Port;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.KafkaOptions;
import dev.newsmon.processor.classify.Themes;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final Pattern ROLE_CHECK = Pattern.compile("newsmon\\.jar ([a-z][a-z-]*)");
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
        List<Endpoint> internal = new BrokerChecks(this::problem).check(brokers);
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
            int defaultRf = BrokerChecks.intSetting(ComposeFile.environment(broker), "KAFKA_DEFAULT_REPLICATION_FACTOR", 1);
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
