package dev.newsmon.processor.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record whose key or value cannot be read goes to the dead-letter topic instead of stopping the task. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception e) {
        LOG.warn("dead-lettered unreadable record {}-{}@{}: {}", ctx.topic(), ctx.partition(), ctx.offset(),
                DeadLetters.reason(e));
        return Response.resume(List.of(DeadLetters.record("deserialize", ctx, e)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
