package dev.newsmon.processor.classify;

import dev.newsmon.common.Article;

import java.time.Instant;

/** Test articles built from sentences written for these tests. */
final class Articles {
    private static int next;

    private Articles() {
    }

    static Article of(String title, String body) {
        return new Article("t" + (next++), null, "test", title, body, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-10-01T00:05:00Z"), "en");
    }
}
