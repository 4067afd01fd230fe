package dev.newsmon.ingest.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsmon.common.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Writes a reproducible JSON Lines corpus of news-like articles of about 4.5 KB each. */
final class BenchCorpus {
    private static final String[] WORDS = (
            "the of and to in a said on for that with ministers talks Seoul Beijing Tokyo summit trade chips "
            + "semiconductor export controls supply chain cooperation tension warning sanctions agreement pledge "
            + "foreign minister ambassador officials statement relations bilateral trilateral Taiwan North Korea "
            + "missile launch peninsula security alliance dialogue meeting week Monday Tuesday analysts government "
            + "economy tariffs investment plants memory wafers exports imports shipping ports coast guard drill "
            + "president premier spokesperson ministry delegation agenda framework stability pressure concerns")
            .split(" ");

    private BenchCorpus() {
    }

    /** Writes {@code count} lines to {@code file}; returns the total bytes written. */
    static long write(Path file, int count, long seed) throws IOException {
        Random random = new Random(seed);
        ObjectWriter writer = Json.MAPPER.writer();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("title", sentence(random, 8 + random.nextInt(6), false) + " " + i);
                line.put("body", body(random));
                // Half carry a URL (id from the URL), half do not (id from the content), as real exports mix.
                if (i % 2 == 0) {
                    line.put("url", "https://bench-news.test/world/" + i + "?utm_source=bench");
                }
                line.put("source", "Bench Wire");
                line.put("published", base.plusSeconds(60L * i).toString());
                out.write(writer.writeValueAsString(line));
                out.write('\n');
            }
        }
        return Files.size(file);
    }

    private static String body(Random random) {
        StringBuilder sb = new StringBuilder(4700);
        while (sb.length() < 4300) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            int sentences = 3 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    sb.append(' ');
                }
                sb.append(sentence(random, 12 + random.nextInt(14), true));
            }
        }
        return sb.toString();
    }

    private static String sentence(Random random, int words, boolean period) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (w == 0) {
                sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                sb.append(' ').append(word);
            }
        }
        return period ? sb.append('.').toString() : sb.toString();
    }
}
