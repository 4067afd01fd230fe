package dev.newsmon.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.ingest.bench.IngestBench;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the ingest benchmark end to end on a small corpus so it cannot rot. It checks that both sides
 * publish everything, not how fast: speed is measured with {@link IngestBench} at 100k articles (docs/bench.md),
 * never asserted in a test. Set -Dnewsmon.bench.count=100000 to get the real figures from this test.
 */
class IngestBenchIT {

    @TempDir
    Path tmp;

    @Test
    void benchmarkRunsBothSidesOverTheSameCorpus() throws Exception {
        int count = Integer.getInteger("newsmon.bench.count", 3000);
        int rounds = Integer.getInteger("newsmon.bench.rounds", 1);
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, tmp.resolve("broker"), true)) {
            IngestBench.Result r = IngestBench.run(Map.of("bootstrap.servers", broker.bootstrapServers()), count,
                    rounds, System.out);
            System.out.println(r);
            assertEquals(count, r.records());
            assertTrue(r.inputBytes() > count * 4000L, "articles of about 4.5 KB: " + r.inputBytes());
            assertTrue(r.rawSeconds() > 0 && r.ingestSeconds() > 0, r.toString());
        }
    }
}
