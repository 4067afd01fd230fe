package dev.newsmon.ingest;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.clean.TextCleaner;
import dev.newsmon.ingest.id.ArticleIds;
import dev.newsmon.ingest.id.CanonicalUrl;
import dev.newsmon.ingest.meta.LanguageGuesser;
import dev.newsmon.ingest.meta.PublishedDates;
import dev.newsmon.ingest.meta.SourceNames;
import dev.newsmon.ingest.read.Draft;
import dev.newsmon.ingest.read.Sizes;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Turns a reader's {@link Draft} into a clean {@link Article}: title, cleaned body, published time stated in
 * the text (else the feed's), source, language and stable id. Not thread-safe: one per thread.
 */
public final class ArticleAssembler {
    private static final int MAX_TITLE_CHARS = 1000;
    private static final int HEADER_LINES = 5;

    private final long maxBodyBytes;
    private final String lang;
    private final ArticleIds ids = new ArticleIds();

    /** {@code lang} (may be null) is used when a record names none; otherwise the language is guessed. */
    public ArticleAssembler(long maxBodyBytes, String lang) {
        this.maxBodyBytes = maxBodyBytes;
        this.lang = lang == null || lang.isBlank() ? null : lang.strip().toLowerCase(Locale.ROOT);
    }

    /** The article, or null after reporting to {@code problems} why the draft cannot be one. */
    public Article assemble(Draft d, Instant ingested, Problems problems) {
        List<String> lines = TextCleaner.lines(d.text());
        String title;
        int bodyFrom;
        if (d.title() != null) {
            title = oneLine(d.title());
            bodyFrom = 0;
        } else {
            int t = TextCleaner.firstNonEmpty(lines, 0);
            if (t < 0) {
                problems.error(d.where() + ": empty file");
                return null;
            }
            title = lines.get(t);
            bodyFrom = t + 1;
        }
        if (title.isEmpty()) {
            problems.error(d.where() + ": missing title");
            return null;
        }
        if (title.length() > MAX_TITLE_CHARS) {
            problems.error(d.where() + ": first line is " + title.length() + " characters; expected a headline");
            return null;
        }

        String url = d.url();
        String source = d.source();
        if (d.title() == null) {
            // Scraped files may state "URL: ..." or "Source: ..." just under the headline.
            int seen = 0;
            for (int i = bodyFrom; i < lines.size() && seen < HEADER_LINES; i++) {
                String line = lines.get(i);
                if (line.isEmpty()) {
                    continue;
                }
                seen++;
                if (url == null && line.regionMatches(true, 0, "url:", 0, 4)) {
                    url = line.substring(4).strip();
                    lines.set(i, "");
                } else if (source == null && line.regionMatches(true, 0, "source:", 0, 7) && line.length() < 80) {
                    source = line.substring(7).strip();
                    lines.set(i, "");
                }
            }
        }

        Instant published = d.published();
        PublishedDates.Found stated = PublishedDates.find(lines, bodyFrom);
        if (stated != null) {
            published = stated.when();
            lines.set(stated.line(), "");
        }

        if (source == null) {
            source = SourceNames.fromMarker(lines, bodyFrom);
        }
        if (source == null) {
            source = SourceNames.fromUrl(url);
        }
        if (source == null) {
            source = copyrightHolder(lines, bodyFrom);
        }

        String body = TextCleaner.clean(lines, bodyFrom, title);
        if (body.isEmpty()) {
            problems.error(d.where() + ": no article text left after removing furniture");
            return null;
        }
        // A char is at most 3 UTF-8 bytes here, so short bodies need no exact count.
        long bytes = (long) body.length() * 3 <= maxBodyBytes ? body.length() : utf8Length(body);
        if (bytes > maxBodyBytes) {
            problems.error(d.where() + ": body is " + Sizes.human(bytes) + ", over --max-body "
                    + Sizes.human(maxBodyBytes));
            return null;
        }

        String language = d.lang() != null ? d.lang().toLowerCase(Locale.ROOT)
                : lang != null ? lang : LanguageGuesser.guess(body);
        String canonical = CanonicalUrl.of(url);
        String id = canonical != null ? ids.fromUrl(canonical)
                : d.id() != null ? d.id() : ids.fromContent(title, body);
        return new Article(id, url, source, title, body, published, ingested, language);
    }

    private static String oneLine(String s) {
        String t = s.strip();
        return t.indexOf('\n') < 0 && t.indexOf('\r') < 0 ? t : t.replaceAll("\\s+", " ");
    }

    private static String copyrightHolder(List<String> lines, int from) {
        for (int i = lines.size() - 1; i >= from && i >= lines.size() - 40; i--) {
            String holder = SourceNames.fromCopyright(lines.get(i));
            if (holder != null) {
                return holder;
            }
        }
        return null;
    }

    private static long utf8Length(String s) {
        int n = s.length();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
