package dev.newsmon.processor.classify.bench;

import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.processor.classify.Classifier;
import dev.newsmon.processor.classify.Gazetteer;
import dev.newsmon.processor.classify.Themes;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Articles per second, one thread: the classifier (themes, tone, actors and dyads) against Lucene Monitor
 * matching equivalent boolean queries for the same themes, on the same ~4.5 KB documents in the same run.
 * Run: {@code mvn -B -pl processor -Pbench test-compile exec:exec} (see processor/BENCHMARK.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifierBenchmark {
    @Param("samples/articles")
    public String corpus;

    private List<Article> docs;
    private Classifier classifier;
    private LuceneBaseline lucene;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        docs = BenchCorpus.load(corpus);
        Themes themes = Themes.loadDefault();
        classifier = new Classifier(themes);
        lucene = new LuceneBaseline(themes, Gazetteer.loadDefault());
        System.out.printf("%n%d documents, %.0f chars on average%n", docs.size(), BenchCorpus.averageChars(docs));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        lucene.close();
    }

    private Article nextDoc() {
        Article a = docs.get(next);
        next = next + 1 == docs.size() ? 0 : next + 1;
        return a;
    }

    @Benchmark
    public ClassifiedArticle classifyAndScore() {
        return classifier.classify(nextDoc());
    }

    @Benchmark
    public MatchingQueries<QueryMatch> luceneMonitorBaseline() throws IOException {
        Article a = nextDoc();
        return lucene.match(a.title(), a.body());
    }
}
