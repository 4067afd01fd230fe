package dev.newsmon.processor.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsmon.common.Article;
import dev.newsmon.common.Json;
import dev.newsmon.ingest.ArticleFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Speed work must not change a byte of output: every sample article (and every seed, where present) is
 * classified and compared with JSON recorded from the classifier before its optimisation. Seeds are
 * compared by SHA-256 of their JSON, because their text must not enter the repository.
 * Regenerate only for an intended behaviour change: {@code java ... GoldenOutputTest processor/src/test/resources/classify}.
 */
class GoldenOutputTest {
    static final Path SAMPLES = Path.of("..", "samples", "articles");
    static final Path SEEDS = Path.of("/work/shared/seeds");
    static final Instant INGESTED = Instant.parse("2026-11-24T00:00:00Z");

    private final Classifier classifier = new Classifier(Themes.loadDefault());

    @Test
    void sampleCorpusOutputIsUnchanged() throws IOException {
        assertEquals(golden("samples.jsonl"), String.join("\n", json(classifier, SAMPLES)));
    }

    @Test
    void seedOutputIsUnchanged() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "seeds are not on this machine");
        assertEquals(golden("seeds.sha256"), String.join("\n", digests(json(classifier, SEEDS))));
    }

    private static List<String> json(Classifier c, Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (Article a : ArticleFiles.read(dir)) {
            // Undated files take their event time from the ingest clock: pin it.
            Article pinned = new Article(a.id(), a.url(), a.source(), a.title(), a.body(), a.published(), INGESTED,
                    a.lang());
            out.add(Json.MAPPER.writeValueAsString(c.classify(pinned)));
        }
        return out;
    }

    private static List<String> digests(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return lines.stream().map(l -> HexFormat.of().formatHex(md.digest(l.getBytes(StandardCharsets.UTF_8))))
                    .toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenOutputTest.class.getResourceAsStream("/classify/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** Records the golden files from the classifier on the classpath; run from processor/. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Classifier c = new Classifier(Themes.loadDefault());
        Files.writeString(dir.resolve("samples.jsonl"), String.join("\n", json(c, SAMPLES)) + "\n");
        Files.writeString(dir.resolve("seeds.sha256"), String.join("\n", digests(json(c, SEEDS))) + "\n");
    }
}
