package dev.newsmon.processor.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the lexicon resources that ship inside the jar. */
final class Resources {
    private Resources() {
    }

    static byte[] read(String resource) {
        try (InputStream in = Resources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ThemesException("resource " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ThemesException("resource " + resource + ": " + e.getMessage(), e);
        }
    }

    static JsonNode tree(byte[] json, String where) {
        try {
            JsonNode n = Json.MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new ThemesException(where + ": expected a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ThemesException(where + ": not valid JSON: " + e.getMessage().replaceAll("\\s+", " "), e);
        }
    }

    static List<String> strings(JsonNode arr, String where) {
        if (arr == null || !arr.isArray()) {
            throw new ThemesException(where + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : arr) {
            if (!s.isTextual() || s.asText().isBlank()) {
                throw new ThemesException(where + " must hold non-empty strings, got " + s);
            }
            out.add(s.asText());
        }
        return out;
    }

    static Map<String, Double> weights(JsonNode obj, String where) {
        if (obj == null || !obj.isObject()) {
            throw new ThemesException(where + " must be an object of term: weight");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            if (!e.getValue().isNumber()) {
                throw new ThemesException(where + ": term '" + e.getKey() + "' needs a numeric weight");
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }
}
