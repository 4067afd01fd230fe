package dev.newsmon.processor;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.ThemeSignal;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.dedupe.BandProcessor;
import dev.newsmon.processor.dedupe.BandVerdict;
import dev.newsmon.processor.dedupe.ExactRepeatFilter;
import dev.newsmon.processor.dedupe.Fingerprint;
import dev.newsmon.processor.dedupe.GateInput;
import dev.newsmon.processor.dedupe.MinHash;
import dev.newsmon.processor.dedupe.Pending;
import dev.newsmon.processor.dedupe.Scored;
import dev.newsmon.processor.dedupe.SyndicationGate;
import dev.newsmon.processor.signals.Buffered;
import dev.newsmon.processor.signals.HourDetail;
import dev.newsmon.processor.signals.HourStats;
import dev.newsmon.processor.signals.LoggedEvent;
import dev.newsmon.processor.signals.SignalOutput;
import dev.newsmon.processor.signals.SignalProcessor;
import dev.newsmon.processor.signals.SubjectEvent;
import dev.newsmon.processor.signals.Subjects;
import dev.newsmon.processor.validate.Checked;
import dev.newsmon.processor.validate.ValidateProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor topology:
 * articles -> validate (bad ones to the DLQ) -> drop exact repeats -> classify + MinHash
 * -> LSH bands (repartition by band, answers back by id) -> syndication gate sets duplicateOf -> news.classified
 * -> fan out per theme/dyad -> repartition by subject -> signals + alert rules -> news.signals, news.alerts.*.
 */
public final class NewsTopology {
    public static final Duration DEFAULT_DEDUPE_HORIZON = Duration.ofDays(7);
    public static final String BY_SUBJECT = "by-subject";
    public static final String BY_BAND = "by-lsh-band";
    public static final String VERDICTS = "band-verdicts-by-id";

    private static final Serde<String> STRING = Serdes.String();

    private NewsTopology() {
    }

    /** Without a reorder buffer: for input already in event-time order (backtests, tests). */
    public static Topology build(Function<Article, ClassifiedArticle> classify, List<String> themes,
                                 AlertRules rules, Duration dedupeHorizon) {
        return build(classify, themes, rules, dedupeHorizon, Duration.ZERO);
    }

    /**
     * @param classify   the classifier; the topology only needs one call per article
     * @param themes     theme names in file order; one alert topic per theme
     * @param rules      signal windows and alert rules
     * @param dedupeHorizon how long ids (exact repeats) and signatures (syndicated copies) are remembered
     * @param reorderHold how long (wall clock) signal events wait to be sorted into event-time order; zero: none
     */
    public static Topology build(Function<Article, ClassifiedArticle> classify, List<String> themes,
                                 AlertRules rules, Duration dedupeHorizon, Duration reorderHold) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ExactRepeatFilter.STORE), STRING, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BandProcessor.STORE), STRING, JsonSerde.of(Fingerprint.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SyndicationGate.STORE), STRING, JsonSerde.of(Pending.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SignalProcessor.HOURS_STORE), STRING, JsonSerde.of(HourStats.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SignalProcessor.DETAILS_STORE), STRING,
                JsonSerde.of(HourDetail.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SignalProcessor.EVENTS_STORE), STRING, JsonSerde.of(LoggedEvent.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SignalProcessor.EMITTED_STORE), STRING, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SignalProcessor.REORDER_STORE), STRING, JsonSerde.of(Buffered.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SignalProcessor.FRONTIER_STORE), STRING, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SignalProcessor.SIGNAL_HISTORY_STORE), STRING,
                JsonSerde.of(ThemeSignal.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SignalProcessor.ALERT_HISTORY_STORE), STRING,
                JsonSerde.of(Alert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ArticleArchive.STORE), STRING,
                JsonSerde.of(ClassifiedArticle.class)));

        // Bytes, not Article: parsing in the topology lets a bad payload become a dead letter with its reason.
        KStream<String, byte[]> raw = builder.stream(Topics.ARTICLES,
                Consumed.with(STRING, Serdes.ByteArray()).withTimestampExtractor(new EventTimeExtractor())
                        .withName("articles"));

        Map<String, KStream<String, Checked>> checked = raw
                .processValues(ValidateProcessor::new, Named.as(ValidateProcessor.STAGE))
                .split(Named.as("checked-"))
                .branch((id, c) -> !c.valid(), Branched.as("rejected"))
                .defaultBranch(Branched.as("valid"));
        checked.get("checked-rejected")
                .mapValues(Checked::rejected, Named.as("dead-letter"))
                .to(Topics.DEAD_LETTER, Produced.with(STRING, JsonSerde.of(DeadLetter.class)).withName("dlq"));

        KStream<String, Scored> scored = checked.get("checked-valid")
                .mapValues(Checked::article, Named.as("article"))
                .processValues(() -> new ExactRepeatFilter(dedupeHorizon), Named.as("drop-exact-repeats"),
                        ExactRepeatFilter.STORE)
                .processValues(() -> new ClassifyProcessor(classify), Named.as("classify"));

        // Syndicated copies: each LSH band bucket meets in one task whatever partition its articles came from;
        // the answers return keyed by article id to the gate, which holds the article until all bands answered.
        KStream<String, GateInput> verdicts = scored
                .flatMap((id, s) -> bands(s.fingerprint()), Named.as("lsh-bands"))
                .repartition(Repartitioned.with(STRING, JsonSerde.of(Fingerprint.class)).withName(BY_BAND))
                .process(() -> new BandProcessor(dedupeHorizon), Named.as("compare-in-band"), BandProcessor.STORE)
                .repartition(Repartitioned.with(STRING, JsonSerde.of(BandVerdict.class)).withName(VERDICTS))
                .mapValues(v -> new GateInput(null, v), Named.as("verdict"));
        KStream<String, ClassifiedArticle> classified = scored
                .mapValues(s -> new GateInput(s.article(), null), Named.as("scored"))
                .merge(verdicts, Named.as("gate-inputs"))
                .process(SyndicationGate::new, Named.as("syndication-gate"), SyndicationGate.STORE)
                .processValues(() -> new ArticleArchive(dedupeHorizon), Named.as("archive"), ArticleArchive.STORE);
        classified.to(Topics.CLASSIFIED,
                Produced.with(STRING, JsonSerde.of(ClassifiedArticle.class)).withName("classified"));

        Subjects subjects = new Subjects(rules.signals().dyads());
        Map<String, KStream<String, SignalOutput>> outputs = classified
                .flatMap((id, article) -> subjects.of(article), Named.as("fan-out-subjects"))
                // A subject's buckets must live in one task, whatever partition its articles came from.
                .repartition(Repartitioned.with(STRING, JsonSerde.of(SubjectEvent.class)).withName(BY_SUBJECT))
                .process(() -> new SignalProcessor(rules, reorderHold), Named.as("signals-and-alerts"),
                        SignalProcessor.HOURS_STORE, SignalProcessor.DETAILS_STORE, SignalProcessor.EVENTS_STORE,
                        SignalProcessor.EMITTED_STORE, SignalProcessor.REORDER_STORE, SignalProcessor.FRONTIER_STORE,
                        SignalProcessor.SIGNAL_HISTORY_STORE, SignalProcessor.ALERT_HISTORY_STORE)
                .split(Named.as("output-"))
                .branch((subject, o) -> o.signal() != null, Branched.as("signal"))
                .defaultBranch(Branched.as("alert"));
        outputs.get("output-signal")
                .mapValues(SignalOutput::signal, Named.as("signal"))
                .to(Topics.SIGNALS, Produced.with(STRING, JsonSerde.of(ThemeSignal.class)).withName("signals"));

        KStream<String, Alert> alerts = outputs.get("output-alert").mapValues(SignalOutput::alert, Named.as("alert"))
                .processValues(AlertMeter::new, Named.as("alert-metrics"));
        for (String theme : themes) {
            alerts.filter((k, a) -> theme.equals(a.theme()), Named.as("alerts-" + theme))
                    .to(Topics.alerts(theme), Produced.with(STRING, JsonSerde.of(Alert.class))
                            .withName("alerts-to-" + theme));
        }
        return builder.build();
    }

    private static List<KeyValue<String, Fingerprint>> bands(Fingerprint fp) {
        List<KeyValue<String, Fingerprint>> out = new ArrayList<>(MinHash.BANDS);
        for (int b = 0; b < MinHash.BANDS; b++) {
            out.add(KeyValue.pair(MinHash.bandKey(fp.signature(), b), fp));
        }
        return out;
    }
}
