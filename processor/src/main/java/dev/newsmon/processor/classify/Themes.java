package dev.newsmon.processor.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Json;
import dev.newsmon.common.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The themes a desk watches, read from a JSON file: the shipped {@code themes.json} or a watcher's own
 * ({@code --themes FILE}). Adding a theme here adds its alert topic. Every mistake in the file is reported
 * as one line naming the file, the theme and the field.
 */
public final class Themes {
    public static final String DEFAULT_RESOURCE = "/themes.json";
    private static final Set<String> FIELDS = Set.of(
            "name", "description", "threshold", "terms", "weak", "context", "exclude", "veto", "actors");
    private static final double MAX_WEIGHT = 10.0;

    private final List<Theme> themes;

    public Themes(List<Theme> themes) {
        this.themes = List.copyOf(themes);
    }

    public static Themes loadDefault() {
        try (InputStream in = Themes.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ThemesException("themes resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse(in.readAllBytes(), "themes resource " + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new ThemesException("themes resource " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static Themes load(Path file) {
        String where = "themes file " + file;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ThemesException(where + ": no such file", e);
        } catch (IOException e) {
            throw new ThemesException(where + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(bytes, where);
    }

    /** Parses and validates; {@code where} names the source in error messages. */
    public static Themes parse(byte[] json, String where) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ThemesException(where + ": not valid JSON" + at + ": "
                    + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ThemesException(where + ": " + oneLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject() || !root.path("themes").isArray()) {
            throw new ThemesException(where + ": expected an object with a \"themes\" array");
        }
        Set<String> actorIds = Gazetteer.loadDefault().ids();
        List<Theme> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode node : root.get("themes")) {
            Theme t = theme(node, where, index++, actorIds);
            if (!seen.add(t.name())) {
                throw new ThemesException(where + ": theme '" + t.name() + "': field 'name' is used twice");
            }
            out.add(t);
        }
        if (out.isEmpty()) {
            throw new ThemesException(where + ": field 'themes' must list at least one theme");
        }
        return new Themes(out);
    }

    private static Theme theme(JsonNode node, String where, int index, Set<String> actorIds) {
        if (!node.isObject()) {
            throw new ThemesException(where + ": theme #" + (index + 1) + " must be an object");
        }
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            throw new ThemesException(where + ": theme #" + (index + 1) + ": field 'name' is missing");
        }
        String name = nameNode.asText();
        String p = where + ": theme '" + name + "': ";
        if (!Topics.THEME_NAME.matcher(name).matches()) {
            throw new ThemesException(p + "field 'name' must match " + Topics.THEME_NAME.pattern()
                    + " (it becomes the alert topic suffix)");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new ThemesException(p + "unknown field '" + f + "' (known: " + String.join(", ",
                        new java.util.TreeSet<>(FIELDS)) + ")");
            }
        }
        JsonNode th = node.get("threshold");
        if (th == null || !th.isNumber() || !(th.asDouble() > 0) || Double.isInfinite(th.asDouble())) {
            throw new ThemesException(p + "field 'threshold' must be a number > 0");
        }
        Map<String, Double> terms = weights(node, "terms", p, true);
        Map<String, Double> weak = weights(node, "weak", p, false);
        List<String> context = strings(node, "context", p);
        List<String> exclude = strings(node, "exclude", p);
        List<String> veto = strings(node, "veto", p);
        Theme.ActorRule rule = null;
        JsonNode a = node.get("actors");
        if (a != null) {
            if (!a.isObject()) {
                throw new ThemesException(p + "field 'actors' must be an object with 'all', 'none' and 'weight'");
            }
            List<String> all = strings(a, "all", p + "field 'actors.");
            List<String> none = strings(a, "none", p + "field 'actors.");
            if (all.size() < 2) {
                throw new ThemesException(p + "field 'actors.all' must name at least two actors");
            }
            for (String id : concat(all, none)) {
                if (!actorIds.contains(id)) {
                    throw new ThemesException(p + "field 'actors' names unknown actor '" + id + "'");
                }
            }
            JsonNode w = a.get("weight");
            if (w == null || !w.isNumber() || w.asDouble() < 0 || w.asDouble() > MAX_WEIGHT) {
                throw new ThemesException(p + "field 'actors.weight' must be a number in [0, " + MAX_WEIGHT + "]");
            }
            rule = new Theme.ActorRule(all, none, w.asDouble());
        }
        String desc = node.path("description").asText("");
        return new Theme(name, desc, th.asDouble(), terms, weak, context, exclude, veto, rule);
    }

    private static Map<String, Double> weights(JsonNode node, String field, String p, boolean required) {
        JsonNode m = node.get(field);
        if (m == null) {
            if (required) {
                throw new ThemesException(p + "field '" + field + "' is missing");
            }
            return Map.of();
        }
        if (!m.isObject()) {
            throw new ThemesException(p + "field '" + field + "' must be an object of term: weight");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : m.properties()) {
            JsonNode w = e.getValue();
            if (e.getKey().isBlank() || !hasWord(e.getKey())) {
                throw new ThemesException(p + "field '" + field + "' has a term with no words: '" + e.getKey() + "'");
            }
            if (!w.isNumber() || !(w.asDouble() > 0) || w.asDouble() > MAX_WEIGHT) {
                throw new ThemesException(p + "field '" + field + "' term '" + e.getKey()
                        + "' needs a weight in (0, " + MAX_WEIGHT + "], got " + w);
            }
            out.put(e.getKey(), w.asDouble());
        }
        if (required && out.isEmpty()) {
            throw new ThemesException(p + "field '" + field + "' must hold at least one term");
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String field, String p) {
        JsonNode arr = node.get(field);
        String label = p.endsWith("'actors.") ? p + field + "'" : p + "field '" + field + "'";
        if (arr == null) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw new ThemesException(label + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : arr) {
            if (!s.isTextual() || !hasWord(s.asText())) {
                throw new ThemesException(label + " must hold non-empty strings, got " + s);
            }
            out.add(s.asText());
        }
        return out;
    }

    private static boolean hasWord(String s) {
        return s.chars().anyMatch(Character::isLetterOrDigit);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    public List<Theme> themes() {
        return themes;
    }

    /** Theme names in file order. */
    public List<String> names() {
        return themes.stream().map(Theme::name).toList();
    }

    public Theme get(String name) {
        return themes.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
