package dev.newsmon.processor.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tension and cooperation cues for diplomatic news, from {@code cues.json}: weighted cue phrases, negators
 * (which flip a cue to the other polarity at half weight), hedges (weight factor below 1) and intensifiers
 * (factor above 1), and neutral phrases that swallow a cue or negator inside them ("Korean War", "not only").
 * A trailing '+' on a verb expands to its inflections: "warn+" is warn, warns, warned, warning.
 */
public record CueLexicon(Map<String, Double> tension, Map<String, Double> cooperation, List<String> negators,
                         Map<String, Double> hedges, Map<String, Double> intensifiers, List<String> neutral) {
    public static final String DEFAULT_RESOURCE = "/cues.json";
    private static volatile CueLexicon cached;

    public CueLexicon {
        tension = Collections.unmodifiableMap(new LinkedHashMap<>(tension));
        cooperation = Collections.unmodifiableMap(new LinkedHashMap<>(cooperation));
        negators = List.copyOf(negators);
        hedges = Collections.unmodifiableMap(new LinkedHashMap<>(hedges));
        intensifiers = Collections.unmodifiableMap(new LinkedHashMap<>(intensifiers));
        neutral = neutral == null ? List.of() : List.copyOf(neutral);
    }

    public static CueLexicon loadDefault() {
        CueLexicon c = cached;
        if (c == null) {
            String where = "cues resource " + DEFAULT_RESOURCE;
            JsonNode root = Resources.tree(Resources.read(DEFAULT_RESOURCE), where);
            c = new CueLexicon(
                    Resources.weights(root.get("tension"), where + ": field 'tension'"),
                    Resources.weights(root.get("cooperation"), where + ": field 'cooperation'"),
                    Resources.strings(root.get("negators"), where + ": field 'negators'"),
                    Resources.weights(root.get("hedges"), where + ": field 'hedges'"),
                    Resources.weights(root.get("intensifiers"), where + ": field 'intensifiers'"),
                    root.has("neutral") ? Resources.strings(root.get("neutral"), where + ": field 'neutral'") : null);
            cached = c;
        }
        return c;
    }
}
