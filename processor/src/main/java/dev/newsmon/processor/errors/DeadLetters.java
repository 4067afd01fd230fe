package dev.newsmon.processor.errors;

import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Builds {@link DeadLetter}s, both inside the topology and for the exception handlers. */
public final class DeadLetters {
    /** Keeps a dead letter well under the broker's 1 MB default even when the payload was oversized. */
    static final int MAX_VALUE_CHARS = 64 * 1024;
    private static final JsonSerde<DeadLetter> SERDE = JsonSerde.of(DeadLetter.class);

    private DeadLetters() {
    }

    public static DeadLetter letter(String stage, String reason, String topic, int partition, long offset,
                                    String key, byte[] value, Instant at) {
        return new DeadLetter(stage, reason, topic, partition, offset, key, text(value), at);
    }

    /** A dead-letter record for an exception handler, keyed with the original raw key bytes. */
    static ProducerRecord<byte[], byte[]> record(String stage, ErrorHandlerContext ctx, Exception e) {
        byte[] key = ctx.sourceRawKey();
        DeadLetter letter = new DeadLetter(stage, reason(e), ctx.topic(), ctx.partition(), ctx.offset(),
                key == null ? null : new String(key, StandardCharsets.UTF_8), text(ctx.sourceRawValue()),
                Instant.now());
        return new ProducerRecord<>(Topics.DEAD_LETTER, null, key, SERDE.serialize(Topics.DEAD_LETTER, letter));
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }

    private static String text(byte[] value) {
        if (value == null) {
            return null;
        }
        String s = new String(value, StandardCharsets.UTF_8);
        return s.length() <= MAX_VALUE_CHARS ? s
                : s.substring(0, MAX_VALUE_CHARS) + "...[" + (s.length() - MAX_VALUE_CHARS) + " more characters]";
    }
}
