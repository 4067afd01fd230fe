package dev.newsmon.processor.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Actors and their aliases (countries, capitals, leaders, ministries) from {@code actors.json}, keyed by
 * canonical id such as {@code china} or {@code south_korea}. {@code ignore} lists names that contain an
 * actor's alias but are not the actor ("South China Sea").
 */
public record Gazetteer(Map<String, List<String>> aliases, List<String> ignore) {
    public static final String DEFAULT_RESOURCE = "/actors.json";
    private static volatile Gazetteer cached;

    public Gazetteer {
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        ignore = List.copyOf(ignore);
    }

    public Set<String> ids() {
        return aliases.keySet();
    }

    public static Gazetteer loadDefault() {
        Gazetteer g = cached;
        if (g == null) {
            g = parse(Resources.read(DEFAULT_RESOURCE), "actors resource " + DEFAULT_RESOURCE);
            cached = g;
        }
        return g;
    }

    static Gazetteer parse(byte[] json, String where) {
        JsonNode root = Resources.tree(json, where);
        JsonNode actors = root.path("actors");
        if (!actors.isObject()) {
            throw new ThemesException(where + ": expected an object with an \"actors\" object");
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : actors.properties()) {
            map.put(e.getKey(), Resources.strings(e.getValue(), where + ": actor '" + e.getKey() + "'"));
        }
        List<String> ignore = root.has("ignore")
                ? Resources.strings(root.get("ignore"), where + ": field 'ignore'") : new ArrayList<>();
        return new Gazetteer(map, ignore);
    }
}
