package dev.newsmon.ingest.read;

import java.time.Instant;

/**
 * One article as a reader found it, before cleaning, metadata and ids.
 * {@code where} names the source for error messages, e.g. "inbox/a.jsonl:12".
 * {@code title} may be null for scraped text, whose title is the first non-empty line of {@code text}.
 */
public record Draft(
        String where,
        String id,
        String url,
        String source,
        String title,
        String text,
        Instant published,
        String lang) {

    public static Draft scraped(String where, String text) {
        return new Draft(where, null, null, null, null, text, null, null);
    }
}
