package dev.newsmon.processor;

import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.processor.dedupe.MinHash;
import dev.newsmon.processor.dedupe.Scored;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Classifies and scores an article and takes the MinHash signature of its body, reading the text once here. */
final class ClassifyProcessor implements FixedKeyProcessor<String, Article, Scored> {
    private final Function<Article, ClassifiedArticle> classify;
    private FixedKeyProcessorContext<String, Scored> context;

    ClassifyProcessor(Function<Article, ClassifiedArticle> classify) {
        this.classify = classify;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Scored> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        Article a = record.value();
        context.forward(record.withValue(new Scored(classify.apply(a), Instant.ofEpochMilli(record.timestamp()),
                MinHash.signature(a.body()))));
    }
}
