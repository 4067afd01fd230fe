package dev.newsmon.processor.validate;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.newsmon.common.Article;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.ProcessorMetrics;
import dev.newsmon.processor.errors.DeadLetters;
import java.time.Instant;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Parses the raw article bytes and validates them. Parsing happens here rather than in the source serde so a bad
 * record becomes a dead letter in the same transaction as its offset commit, with the reason and its position.
 */
public final class ValidateProcessor implements FixedKeyProcessor<String, byte[], Checked> {
    public static final String STAGE = "validate";

    private final JsonSerde<Article> serde = JsonSerde.of(Article.class);
    private final ArticleValidator validator = new ArticleValidator();
    private FixedKeyProcessorContext<String, Checked> context;
    private Sensor deadLetters;

    @Override
    public void init(FixedKeyProcessorContext<String, Checked> context) {
        this.context = context;
        this.deadLetters = ProcessorMetrics.rateTotal(context, STAGE, "dead-letters");
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        String problem;
        Article article = null;
        try {
            article = serde.deserialize(Topics.ARTICLES, record.value());
            problem = validator.problem(record.key(), article);
        } catch (SerializationException e) {
            problem = reason(e);
        }
        if (problem == null) {
            context.forward(ProcessorMetrics.withIngested(record, article.ingested())
                    .withValue(new Checked(article, null)));
            return;
        }
        deadLetters.record();
        RecordMetadata m = context.recordMetadata().orElse(null);
        context.forward(record.withValue(new Checked(null, DeadLetters.letter(STAGE, problem,
                m == null ? Topics.ARTICLES : m.topic(), m == null ? -1 : m.partition(), m == null ? -1 : m.offset(),
                record.key(), record.value(), Instant.ofEpochMilli(context.currentSystemTimeMs())))));
    }

    /** Names the field when Jackson knows it, e.g. an unparseable {@code published} time. */
    static String reason(SerializationException e) {
        if (e.getCause() instanceof JsonMappingException jm && !jm.getPath().isEmpty()) {
            String field = jm.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            return "field '" + field + "' unreadable: " + e.getMessage();
        }
        return e.getMessage();
    }
}
