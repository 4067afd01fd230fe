package dev.newsmon.processor.classify.bench;

import dev.newsmon.common.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark documents of about 4.5 KB (title and body), made by joining consecutive paragraphs of the team's
 * sample corpus ({@code samples/articles}), so throughput is measured on realistic diplomatic copy.
 */
final class BenchCorpus {
    /** A document is cut at the first paragraph end past this, which lands it at about 4.5 KB on average. */
    static final int CUT_CHARS = 4400;

    private BenchCorpus() {
    }

    static List<Article> load(String dir) {
        Path root = locate(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Article> out = new ArrayList<>();
        int i = 0;
        // Two laps with different offsets give twice as many distinct documents.
        for (int lap = 0; lap < 2; lap++) {
            StringBuilder body = new StringBuilder();
            String title = null;
            for (int k = 0; k < files.size(); k++) {
                List<String> lines = read(files.get((k + lap * 7) % files.size()));
                for (String l : lines.subList(1, lines.size())) {
                    if (title == null) {
                        title = lines.get(0);
                    }
                    if (!l.startsWith("Published") && !l.startsWith("date ")) {
                        body.append(l).append('\n');
                    }
                    if (title.length() + body.length() >= CUT_CHARS) {
                        out.add(new Article("bench-" + i++, null, "bench", title, body.toString(), Instant.EPOCH,
                                Instant.EPOCH, "en"));
                        body.setLength(0);
                        title = null;
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no benchmark documents built from " + root);
        }
        return out;
    }

    private static Path locate(String dir) {
        for (String candidate : List.of(dir, "../" + dir, "../../" + dir)) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("benchmark corpus " + dir + " not found (run from the repo or processor/)");
    }

    private static List<String> read(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double averageChars(List<Article> docs) {
        return docs.stream().mapToInt(a -> a.title().length() + a.body().length()).average().orElse(0);
    }
}
