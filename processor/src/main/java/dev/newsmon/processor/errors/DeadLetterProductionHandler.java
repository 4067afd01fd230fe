package dev.newsmon.processor.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output the broker refuses for good (too large, unserializable) is dead-lettered with its source record;
 * transient failures are retried, because skipping them would lose output that would have succeeded.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext ctx, ProducerRecord<byte[], byte[]> record, Exception e) {
        if (e instanceof RetriableException) {
            return Response.retry();
        }
        LOG.warn("dead-lettered source {}-{}@{}: output to {} failed: {}", ctx.topic(), ctx.partition(),
                ctx.offset(), record.topic(), DeadLetters.reason(e));
        return Response.resume(List.of(DeadLetters.record("produce:" + record.topic(), ctx, e)));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext ctx, ProducerRecord record, Exception e,
                                             SerializationExceptionOrigin origin) {
        LOG.warn("dead-lettered source {}-{}@{}: cannot serialize {} for {}: {}", ctx.topic(), ctx.partition(),
                ctx.offset(), origin.name().toLowerCase(java.util.Locale.ROOT), record.topic(), DeadLetters.reason(e));
        return Response.resume(List.of(DeadLetters.record("serialize:" + record.topic(), ctx, e)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
