package dev.newsmon.common.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Builds one Prometheus text exposition (format 0.0.4): Kafka client metrics as {@code kafka_<group>_<name>},
 * newsmon's own as {@code newsmon_<name>}. Samples are grouped per family, so each HELP/TYPE appears once.
 * Not thread-safe: build one per scrape.
 */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private record Family(String type, String help, Map<String, Double> samples) {
    }

    private final Map<String, Family> families = new TreeMap<>();

    /**
     * Adds every numeric metric of a Kafka client (producer, consumer, admin, Kafka Streams). Tags become labels;
     * NaN, infinite and non-numeric values (e.g. app-info's version) are skipped. Groups that name newsmon
     * (Streams' custom sensors, "stream-newsmon-metrics") are rendered as {@code newsmon_<name>}.
     */
    public PrometheusText kafka(Map<MetricName, ? extends Metric> metrics) {
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            Object value;
            try {
                value = e.getValue().metricValue();
            } catch (RuntimeException ex) {
                continue; // a gauge of a closing client may throw; one scrape without it is fine
            }
            if (value instanceof Number n) {
                MetricName m = e.getKey();
                add(familyName(m.group(), m.name()), m.name().endsWith("-total") ? "counter" : "gauge",
                        m.description(), m.tags(), n.doubleValue());
            }
        }
        return this;
    }

    /** A monotonically increasing count; {@code name} is used as given (e.g. newsmon_alerts_written_total). */
    public PrometheusText counter(String name, String help, Map<String, String> labels, double value) {
        return add(name, "counter", help, labels, value);
    }

    public PrometheusText gauge(String name, String help, Map<String, String> labels, double value) {
        return add(name, "gauge", help, labels, value);
    }

    private PrometheusText add(String name, String type, String help, Map<String, String> labels, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return this;
        }
        String family = sanitize(name);
        Family f = families.computeIfAbsent(family, k -> new Family(type, help, new TreeMap<>()));
        // The first source of a series wins: two clients never share a client-id, so this only drops true repeats.
        f.samples().putIfAbsent(labels(labels), value);
        return this;
    }

    /** "consumer-fetch-manager-metrics" + "records-lag-max" -> kafka_consumer_fetch_manager_records_lag_max. */
    static String familyName(String group, String name) {
        String g = group.endsWith("-metrics") ? group.substring(0, group.length() - "-metrics".length()) : group;
        if (g.equals("newsmon") || g.startsWith("newsmon-") || g.contains("-newsmon")) {
            return sanitize("newsmon_" + name);
        }
        return sanitize("kafka_" + g + "_" + name);
    }

    static String sanitize(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 1);
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            sb.append('_');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
                    || c >= '0' && c <= '9';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    private static String labels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> parts.add(sanitize(k).replace(':', '_') + "=\"" + escape(v) + "\""));
        return "{" + String.join(",", parts) + "}";
    }

    static String escape(String v) {
        return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String help(String h) {
        return h == null ? "" : h.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** The exposition, families sorted by name, ending in a newline. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        families.forEach((name, f) -> {
            sb.append("# HELP ").append(name).append(' ').append(help(f.help())).append('\n');
            sb.append("# TYPE ").append(name).append(' ').append(f.type()).append('\n');
            f.samples().forEach((labels, v) -> sb.append(name).append(labels).append(' ').append(number(v))
                    .append('\n'));
        });
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
