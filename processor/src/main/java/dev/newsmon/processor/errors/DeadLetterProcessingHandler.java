package dev.newsmon.processor.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record that makes a processor throw (a classifier bug, say) is dead-lettered; the next record proceeds. */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
        LOG.warn("dead-lettered record {}-{}@{} that failed in {}: {}", ctx.topic(), ctx.partition(), ctx.offset(),
                ctx.processorNodeId(), DeadLetters.reason(e));
        return Response.resume(List.of(DeadLetters.record("process:" + ctx.processorNodeId(), ctx, e)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
