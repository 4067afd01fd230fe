package dev.newsmon.processor;

import dev.newsmon.common.Alert;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Counts alerts per theme and kind ({@code newsmon_alerts_total}) and times each from its triggering article's
 * ingest to now, wall clock ({@code newsmon_publish_to_alert_latency_*}, in ms), then passes the alert on.
 */
public final class AlertMeter implements FixedKeyProcessor<String, Alert, Alert> {
    static final String ENTITY = "alerts";

    private FixedKeyProcessorContext<String, Alert> context;
    private final Map<String, Sensor> perThemeAndKind = new HashMap<>();
    private Sensor latency;

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        latency = context.metrics().addLatencyRateTotalSensor(ProcessorMetrics.SCOPE, ENTITY, "publish-to-alert",
                Sensor.RecordingLevel.INFO);
        // avg and max are windowed (they vanish a minute after the last alert); sum and last stay for scrapes.
        Map<String, String> tags = Map.of("thread-id", Thread.currentThread().getName(),
                ProcessorMetrics.SCOPE + "-id", ENTITY);
        String group = "stream-" + ProcessorMetrics.SCOPE + "-metrics";
        latency.add(new MetricName("publish-to-alert-latency-ms-total", group,
                "Sum of the ms from the triggering article's ingest to its alert; divide by publish-to-alert-total",
                tags), new CumulativeSum());
        latency.add(new MetricName("publish-to-alert-latency-last", group,
                "Ms from the triggering article's ingest to the latest alert", tags), new Value());
    }

    @Override
    public void process(FixedKeyRecord<String, Alert> record) {
        Alert a = record.value();
        if (a != null) {
            perThemeAndKind.computeIfAbsent(a.theme() + "/" + a.kind(), k -> context.metrics().addRateTotalSensor(
                    ProcessorMetrics.SCOPE, k, ENTITY, Sensor.RecordingLevel.INFO, "theme", a.theme(), "kind",
                    a.kind())).record();
            long ingested = ProcessorMetrics.ingestedMillis(record.headers());
            if (ingested < 0) {
                ingested = IngestTimes.newest(a);
            }
            if (ingested >= 0) {
                latency.record(Math.max(0, context.currentSystemTimeMs() - ingested));
            }
        }
        context.forward(record);
    }
}
