package dev.newsmon.app.compose;

import static dev.newsmon.app.compose.ComposeChecks.KAFKA_IMAGE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.app.compose.ComposeFile.Port;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The KRaft brokers of a compose file: quorum, listeners, published ports, replication, healthcheck. */
final class BrokerChecks {
    /** Loopback names never reach another container, so they cannot be what the stages bootstrap from. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "0.0.0.0", "");
    private static final Pattern BOOTSTRAP_FLAG = Pattern.compile("--bootstrap-server\\s+(\\S+)");

    private final BiConsumer<String, String> problem;

    /** @param problem receives (service, message) for each problem found */
    BrokerChecks(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

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
    List<Endpoint> check(Map<String, JsonNode> brokers) {
        List<Endpoint> internal = new ArrayList<>();
        if (brokers.isEmpty()) {
            problem.accept("-", "no " + KAFKA_IMAGE + "* broker");
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
                problem.accept(name, "image " + image + " is not pinned to a release tag");
            }
            if (service.has("container_name")) {
                problem.accept(name, "has a container_name; the service name is its DNS name already");
            }
            if (service.path("restart").asText("no").equals("no")) {
                problem.accept(name, "has no restart policy");
            }
            Map<String, String> env = ComposeFile.environment(service);
            String roles = env.getOrDefault("KAFKA_PROCESS_ROLES", "");
            if (!Set.of(roles.split(",")).equals(Set.of("broker", "controller"))) {
                problem.accept(name, "KAFKA_PROCESS_ROLES is '" + roles + "', expected KRaft combined mode broker,controller");
            }
            clusterIds.add(String.valueOf(env.get("CLUSTER_ID")));
            String nodeId = env.get("KAFKA_NODE_ID");
            if (nodeId == null) {
                problem.accept(name, "has no KAFKA_NODE_ID");
            } else if (nodeIds.containsValue(nodeId)) {
                problem.accept(name, "KAFKA_NODE_ID " + nodeId + " is used by another broker");
            }
            nodeIds.put(name, nodeId);
            Map<String, Endpoint> listeners = listeners(env.get("KAFKA_LISTENERS"));
            Map<String, Endpoint> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
            Set<String> mapped = Arrays.stream(env.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(","))
                    .map(p -> p.split(":")[0]).collect(Collectors.toSet());
            listeners.keySet().stream().filter(l -> !mapped.contains(l)).forEach(l ->
                    problem.accept(name, "listener " + l + " is missing from KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"));
            String controllerName = env.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "");
            Endpoint controller = listeners.get(controllerName);
            if (controller == null) {
                problem.accept(name, "controller listener '" + controllerName + "' is not in KAFKA_LISTENERS");
            } else {
                expectedVoters.add(nodeId + "@" + service.path("hostname").asText(name) + ":" + controller.port());
            }
            voterSets.add(new TreeSet<>(Arrays.asList(env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "").split(","))));
            List<Port> ports = ComposeFile.ports(service);
            advertised.forEach((listener, endpoint) -> {
                Endpoint bound = listeners.get(listener);
                if (bound == null) {
                    problem.accept(name, "advertised listener " + listener + " is not in KAFKA_LISTENERS");
                    return;
                }
                if (LOOPBACK.contains(endpoint.host())) {
                    // Reached from the host through a published port, which must lead to this listener.
                    boolean published = ports.stream().anyMatch(p -> p.hostPort() != null
                            && p.hostPort() == endpoint.port() && p.containerPort() == bound.port());
                    if (!published) {
                        problem.accept(name, "advertises " + listener + "://" + endpoint + " but no published port "
                                + endpoint.port() + " leads to its container port " + bound.port());
                    }
                } else {
                    if (endpoint.port() != bound.port()) {
                        problem.accept(name, "advertises " + listener + " on port " + endpoint.port() + " but listens on "
                                + bound.port());
                    }
                    if (!endpoint.host().equals(service.path("hostname").asText(name)) && !endpoint.host().equals(name)) {
                        problem.accept(name, "advertises " + endpoint + ", which is not this service's name");
                    }
                    internal.add(endpoint);
                }
            });
            String inter = env.get("KAFKA_INTER_BROKER_LISTENER_NAME");
            if (inter != null && !advertised.containsKey(inter)) {
                problem.accept(name, "inter-broker listener " + inter + " is not advertised");
            }
            checkReplication(name, env, count);
            checkBrokerHealth(name, service, listeners);
        });
        if (images.size() > 1) {
            problem.accept(String.join(",", brokers.keySet()), "brokers run different images " + images);
        }
        if (clusterIds.size() > 1 || clusterIds.contains("null")) {
            problem.accept(String.join(",", brokers.keySet()), "brokers need one shared CLUSTER_ID, found " + clusterIds);
        }
        for (Set<String> voters : voterSets) {
            if (!voters.equals(expectedVoters)) {
                problem.accept(String.join(",", brokers.keySet()), "KAFKA_CONTROLLER_QUORUM_VOTERS " + voters
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
                problem.accept(name, e.getKey() + " is " + e.getValue() + " but there are " + brokers + " brokers");
            }
        }
        if (txnIsr > txn) {
            problem.accept(name, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR " + txnIsr + " exceeds its replication " + txn
                    + ": exactly_once_v2 could never commit");
        }
        if (minIsr > defaultRf) {
            problem.accept(name, "KAFKA_MIN_INSYNC_REPLICAS " + minIsr + " exceeds KAFKA_DEFAULT_REPLICATION_FACTOR " + defaultRf);
        }
        if (brokers > 1 && (minIsr < 2 || minIsr >= defaultRf)) {
            problem.accept(name, "with " + brokers + " brokers, min ISR (" + minIsr + ") should be at least 2 and below the "
                    + "replication factor (" + defaultRf + ") so one broker can stop without losing acked writes");
        }
    }

    private void checkBrokerHealth(String name, JsonNode service, Map<String, Endpoint> listeners) {
        String health = ComposeFile.healthcheck(service);
        if (health == null) {
            problem.accept(name, "has no healthcheck");
            return;
        }
        if (health.contains("kafka-broker-api-versions")) {
            problem.accept(name, "healthcheck uses kafka-broker-api-versions.sh, which exits 0 even when the broker is down");
        }
        if (!health.contains("kafka-topics.sh") && !health.contains("kafka-cluster.sh")) {
            problem.accept(name, "healthcheck should ask the broker something that fails when it is down "
                    + "(kafka-topics.sh --list or kafka-cluster.sh cluster-id)");
        }
        Matcher m = BOOTSTRAP_FLAG.matcher(health);
        if (m.find()) {
            Endpoint probe = Endpoint.parseAll(m.group(1)).iterator().next();
            if (listeners.values().stream().noneMatch(l -> l.port() == probe.port())) {
                problem.accept(name, "healthcheck probes port " + probe.port() + " but the broker listens on "
                        + listeners.values());
            }
        }
    }

    static int intSetting(Map<String, String> env, String key, int kafkaDefault) {
        String v = env.get(key);
        return v == null ? kafkaDefault : Integer.parseInt(v.trim());
    }
}
