package dev.newsmon.processor.validate;

import dev.newsmon.common.Article;
import java.time.Duration;
import java.time.Instant;

/** Decides whether an article can be classified; a non-null answer is the one-line reason it cannot. */
public final class ArticleValidator {
    /** Longer than any real article; past this a record is a scrape gone wrong, and it would bloat every topic. */
    public static final int MAX_BODY_CHARS = 200_000;
    public static final int MAX_ID_CHARS = 256;
    public static final int MAX_TITLE_CHARS = 1_000;
    /** Wire copy is sometimes dated a few hours ahead by time zones; days ahead means a broken date. */
    static final Duration MAX_FUTURE_SKEW = Duration.ofDays(2);
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    public String problem(String key, Article a) {
        if (a == null) {
            return "empty record value";
        }
        if (blank(a.id())) {
            return "missing id";
        }
        if (a.id().length() > MAX_ID_CHARS) {
            return "id has " + a.id().length() + " characters, over the " + MAX_ID_CHARS + " limit";
        }
        if (key != null && !key.equals(a.id())) {
            return "record key '" + abbreviate(key) + "' is not the article id '" + abbreviate(a.id()) + "'";
        }
        if (blank(a.title())) {
            return "missing title";
        }
        if (a.title().length() > MAX_TITLE_CHARS) {
            return "title has " + a.title().length() + " characters, over the " + MAX_TITLE_CHARS + " limit";
        }
        if (blank(a.body())) {
            return "missing body";
        }
        if (a.body().length() > MAX_BODY_CHARS) {
            return "body has " + a.body().length() + " characters, over the " + MAX_BODY_CHARS + " limit";
        }
        if (a.published() != null && a.published().isBefore(EARLIEST)) {
            return "published " + a.published() + " is before " + EARLIEST;
        }
        if (a.published() != null && a.ingested() != null
                && a.published().isAfter(a.ingested().plus(MAX_FUTURE_SKEW))) {
            return "published " + a.published() + " is more than 2 days after ingested " + a.ingested();
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
