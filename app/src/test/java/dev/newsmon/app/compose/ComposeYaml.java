package dev.newsmon.app.compose;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a compose file the way Compose sees it: anchors and aliases resolved, {@code <<} merge keys applied,
 * {@code ${VAR:-default}} interpolated. Jackson's YAML tree reader leaves an alias as its anchor's name.
 */
final class ComposeYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE = "<<";
    private static final Pattern VARIABLE =
            Pattern.compile("\\$(?:\\$|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    private ComposeYaml() {
    }

    /** The document as a tree, with {@code env} standing in for the shell that runs {@code docker compose}. */
    static JsonNode read(String yaml, Map<String, String> env) {
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("empty compose file");
            }
            JsonNode tree = node(parser, new HashMap<>());
            return interpolate(merge(tree), env);
        } catch (IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode node(YAMLParser p, Map<String, JsonNode> anchors) throws IOException {
        if (p.isCurrentAlias()) {
            JsonNode target = anchors.get(p.getText());
            if (target == null) {
                throw new IllegalArgumentException("alias *" + p.getText() + " has no anchor before it");
            }
            return target.deepCopy();
        }
        String anchor = p.getCurrentAnchor();
        JsonNode result;
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String key = p.currentName();
                p.nextToken();
                object.set(key, node(p, anchors));
            }
            result = object;
        } else if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                array.add(node(p, anchors));
            }
            result = array;
        } else if (token == JsonToken.VALUE_NULL) {
            result = NODES.nullNode();
        } else {
            // Compose compares scalars as text (ports "8080", retries 3), so keeping the source text is enough.
            result = NODES.textNode(p.getText());
        }
        if (anchor != null) {
            anchors.put(anchor, result);
        }
        return result;
    }

    /** YAML 1.1 merge keys: the mapping's own keys win, then earlier merged mappings over later ones. */
    private static JsonNode merge(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(child -> out.add(merge(child)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = NODES.objectNode();
        JsonNode merged = node.get(MERGE);
        if (merged != null) {
            List<JsonNode> sources = merged.isArray() ? iterable(merged) : List.of(merged);
            for (JsonNode source : sources) {
                if (!source.isObject()) {
                    throw new IllegalArgumentException("<< must merge a mapping, got " + source);
                }
                merge(source).fields().forEachRemaining(e -> {
                    if (!out.has(e.getKey())) {
                        out.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
        ObjectNode own = NODES.objectNode();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(MERGE)) {
                own.set(e.getKey(), merge(e.getValue()));
            }
        });
        own.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static JsonNode interpolate(JsonNode node, Map<String, String> env) {
        if (node.isTextual()) {
            return TextNode.valueOf(interpolate(node.asText(), env));
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(child -> out.add(interpolate(child, env)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), interpolate(e.getValue(), env));
            }
            return out;
        }
        return node;
    }

    /** Compose's rules: $$ is a dollar, ${X:-d} d when X is unset or empty, ${X-d} only when unset. */
    static String interpolate(String text, Map<String, String> env) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = m.group(1) != null ? m.group(1) : m.group(4);
                String value = env.get(name);
                String op = m.group(2);
                String arg = m.group(3);
                if (op == null) {
                    replacement = value == null ? "" : value;
                } else if (op.equals(":-")) {
                    replacement = value == null || value.isEmpty() ? arg : value;
                } else if (op.equals("-")) {
                    replacement = value == null ? arg : value;
                } else if (op.equals(":?") || op.equals("?")) {
                    if (value == null || (op.equals(":?") && value.isEmpty())) {
                        throw new IllegalArgumentException("${" + name + "} is required: " + arg);
                    }
                    replacement = value;
                } else {
                    replacement = value == null || (op.equals(":+") && value.isEmpty()) ? "" : arg;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
