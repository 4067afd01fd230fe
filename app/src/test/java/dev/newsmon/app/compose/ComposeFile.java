package dev.newsmon.app.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One compose file, read as Compose would, with accessors for the parts the checks compare. */
record ComposeFile(String name, JsonNode root) {

    /** A published or exposed port: host part (null when Compose picks one), container port. */
    record Port(String hostIp, Integer hostPort, int containerPort) {
    }

    /** A mount: source is null for an anonymous volume, a path for a bind mount, else a named volume. */
    record Mount(String source, String target) {
        boolean anonymous() {
            return source == null;
        }
    }

    /** Reads a file as if no compose variable were set in the shell, so every ${X:-default} takes its default. */
    static ComposeFile load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComposeFile parse(String name, String yaml) {
        return new ComposeFile(name, ComposeYaml.read(yaml, Map.of()));
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        JsonNode node = root.path("services");
        node.fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    /** The command as the container receives it; a string is split like a shell would, as Compose does. */
    static List<String> command(JsonNode service) {
        JsonNode command = service.path("command");
        if (command.isTextual()) {
            return ShellWords.split(command.asText());
        }
        List<String> tokens = new ArrayList<>();
        command.forEach(t -> tokens.add(t.asText()));
        return tokens;
    }

    /** Both the map and the KEY=VALUE list form; a bare KEY (passed through from the shell) maps to null. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else {
            node.forEach(item -> {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            });
        }
        return env;
    }

    static List<Port> ports(JsonNode service) {
        List<Port> ports = new ArrayList<>();
        service.path("ports").forEach(p -> {
            if (p.isObject()) {
                String published = p.path("published").asText(null);
                ports.add(new Port(p.path("host_ip").asText(null), published == null ? null : Integer.valueOf(published),
                        p.path("target").asInt()));
                return;
            }
            String spec = p.asText().replaceFirst("/(tcp|udp)$", "");
            String[] parts = spec.split(":");
            int container = Integer.parseInt(parts[parts.length - 1]);
            Integer host = parts.length >= 2 ? Integer.valueOf(parts[parts.length - 2]) : null;
            String ip = parts.length == 3 ? parts[0] : null;
            ports.add(new Port(ip, host, container));
        });
        return ports;
    }

    static List<Mount> mounts(JsonNode service) {
        List<Mount> mounts = new ArrayList<>();
        service.path("volumes").forEach(v -> {
            if (v.isObject()) {
                mounts.add(new Mount(v.path("source").asText(null), v.path("target").asText()));
                return;
            }
            String[] parts = v.asText().split(":");
            mounts.add(parts.length == 1 ? new Mount(null, parts[0]) : new Mount(parts[0], parts[1]));
        });
        return mounts;
    }

    /** The healthcheck's test as one string (CMD arguments joined by spaces), or null when there is none. */
    static String healthcheck(JsonNode service) {
        JsonNode test = service.path("healthcheck").path("test");
        if (test.isMissingNode() || test.isNull()) {
            return null;
        }
        if (test.isTextual()) {
            return test.asText();
        }
        List<String> parts = new ArrayList<>();
        test.forEach(t -> parts.add(t.asText()));
        return String.join(" ", parts.subList(1, parts.size()));
    }

    /** Names this service waits for, with the condition each must reach. */
    static Map<String, String> dependsOn(JsonNode service) {
        Map<String, String> deps = new LinkedHashMap<>();
        JsonNode node = service.path("depends_on");
        if (node.isArray()) {
            node.forEach(d -> deps.put(d.asText(), "service_started"));
        } else {
            node.fields().forEachRemaining(e -> deps.put(e.getKey(),
                    e.getValue().path("condition").asText("service_started")));
        }
        return deps;
    }
}
