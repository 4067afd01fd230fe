package dev.newsmon.processor;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/** Custom metrics appear next to Kafka Streams' own, as stream-newsmon-metrics {@code <operation>-total/-rate}. */
public final class ProcessorMetrics {
    public static final String SCOPE = "newsmon";

    private ProcessorMetrics() {
    }

    public static Sensor rateTotal(ProcessingContext context, String entity, String operation) {
        return context.metrics().addRateTotalSensor(SCOPE, entity, operation,
                Sensor.RecordingLevel.INFO);
    }
}
