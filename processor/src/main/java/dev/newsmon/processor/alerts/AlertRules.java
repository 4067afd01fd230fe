package dev.newsmon.processor.alerts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.newsmon.common.Json;
import dev.newsmon.common.Severity;
import dev.newsmon.processor.signals.SignalSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules file: signal windows plus one section per alert kind. Loaded from {@code --rules FILE} or the
 * bundled {@code rules.json}; unknown fields are errors so a typo cannot silently disable a rule.
 */
public record AlertRules(
        SignalSettings signals,
        ThresholdRule tensionSpike,
        ThresholdRule cooperationSurge,
        ShiftRule shift,
        BreakingRule breaking,
        ReawakeningRule reawakening) {

    public static final String RESOURCE = "/rules.json";

    private static final ObjectReader READER = Json.MAPPER.readerFor(AlertRules.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * TENSION_SPIKE / COOPERATION_SURGE: the window mean is at least {@code k} deviations above the baseline,
     * at least {@code floor}, from at least {@code minStories} stories. Critical from {@code criticalZ}.
     * Re-arms once the z-score falls below {@code rearmZ}.
     */
    public record ThresholdRule(double k, double floor, int minStories, double rearmZ, double criticalZ,
                                Duration cooldown) {
    }

    /**
     * SHIFT: the net balance of the current window and of the latest stories before it have opposite signs,
     * each side from at least {@code minStories} stories and at least {@code minNet} away from zero. "Before" is
     * the {@code minStories} stories just before the window, looked for at most {@code lookback} back, so sparse
     * themes compare with their last stories rather than with an empty day.
     */
    public record ShiftRule(int minStories, double minNet, Duration lookback, Severity severity, Duration cooldown) {
    }

    /**
     * BREAKING: one article's tension reaches {@code bar} in a watched theme (all themes when {@code themes} is
     * empty). Re-arms when the theme's window mean tension is back below {@code rearm}.
     */
    public record BreakingRule(double bar, List<String> themes, double rearm, Severity severity, Duration cooldown) {
        public BreakingRule {
            themes = themes == null ? List.of() : List.copyOf(themes);
        }

        public boolean watches(String theme) {
            return themes.isEmpty() || themes.contains(theme);
        }
    }

    /** REAWAKENING: a theme gets a story after at least {@code quietDays} days without one. */
    public record ReawakeningRule(int quietDays, Severity severity, Duration cooldown) {
    }

    public static AlertRules loadDefault() {
        try (InputStream in = AlertRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + RESOURCE + " is missing from the processor jar");
            }
            return checked(READER.readValue(in), "bundled " + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled " + RESOURCE + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Reads a rules file; any problem is an {@link IllegalArgumentException} with a one-line message. */
    public static AlertRules load(Path file) {
        try {
            return checked(READER.readValue(Files.readAllBytes(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("rules " + file + ": no such file");
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("rules " + file + ": " + field(e) + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException("rules " + file + ": " + firstLine(e.getMessage()));
        }
    }

    private static String field(JsonMappingException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
        return path.isEmpty() ? "" : path + ": ";
    }

    static AlertRules checked(AlertRules r, String source) {
        String problem = r == null ? "empty file" : r.problem();
        if (problem != null) {
            throw new IllegalArgumentException("rules " + source + ": " + problem);
        }
        return r;
    }

    /** Returns the first problem as "section.field ...", or null. */
    public String problem() {
        if (signals == null) {
            return "missing section 'signals'";
        }
        String p = signals.problem();
        if (p != null) {
            return p;
        }
        p = threshold("tensionSpike", tensionSpike);
        if (p == null) {
            p = threshold("cooperationSurge", cooperationSurge);
        }
        if (p != null) {
            return p;
        }
        if (shift == null) {
            return "missing section 'shift'";
        }
        if (shift.minStories < 1 || shift.minNet < 0 || shift.severity == null || bad(shift.cooldown)) {
            return "shift: minStories >= 1, minNet >= 0, a severity and a cooldown are required";
        }
        if (bad(shift.lookback) || shift.lookback.isZero()
                || shift.lookback.toMillis() % signals.hop().toMillis() != 0
                || shift.lookback.compareTo(java.time.Duration.ofDays(signals.baselineDays())) > 0) {
            return "shift.lookback must be a positive number of hops, at most baselineDays long";
        }
        if (breaking == null) {
            return "missing section 'breaking'";
        }
        if (breaking.bar <= 0 || breaking.bar > 1 || breaking.severity == null || bad(breaking.cooldown)) {
            return "breaking: bar in (0,1], a severity and a cooldown are required";
        }
        if (reawakening == null) {
            return "missing section 'reawakening'";
        }
        if (reawakening.quietDays < 1 || reawakening.severity == null || bad(reawakening.cooldown)) {
            return "reawakening: quietDays >= 1, a severity and a cooldown are required";
        }
        long keptDays = signals.baselineDays() + 2L;
        if (reawakening.quietDays >= keptDays) {
            return "reawakening.quietDays must be below baselineDays + 2 (" + keptDays
                    + "), the history the processor keeps";
        }
        return null;
    }

    private static String threshold(String name, ThresholdRule r) {
        if (r == null) {
            return "missing section '" + name + "'";
        }
        if (r.k <= 0) {
            return name + ".k must be positive";
        }
        if (r.minStories < 1) {
            return name + ".minStories must be at least 1";
        }
        if (r.rearmZ >= r.k) {
            return name + ".rearmZ must be below k, or the rule could never re-arm";
        }
        if (r.criticalZ < r.k) {
            return name + ".criticalZ must be at least k";
        }
        if (bad(r.cooldown)) {
            return name + ".cooldown must be a non-negative ISO duration such as PT6H";
        }
        return null;
    }

    private static boolean bad(Duration d) {
        return d == null || d.isNegative();
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
