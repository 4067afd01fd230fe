package dev.newsmon.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** The input formats ingest understands. */
public enum Format {
    /** Scraped text: title on the first non-empty line, then the body. */
    TEXT,
    /** One JSON object per line with title and body (id, url, source, published, lang optional). */
    JSONL,
    /** RSS 2.0 or Atom. */
    FEED;

    /** By file extension; null when the extension says nothing (the content decides). */
    public static Format byName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".txt") || n.endsWith(".text")) {
            return TEXT;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return JSONL;
        }
        if (n.endsWith(".xml") || n.endsWith(".rss") || n.endsWith(".atom")) {
            return FEED;
        }
        return null;
    }

    public static Format byName(Path path) {
        Path name = path.getFileName();
        return name == null ? null : byName(name.toString());
    }

    /** Guess from the first bytes: '{' is JSON Lines, '<' is a feed, anything else scraped text. */
    public static Format sniff(byte[] head, int len) {
        for (int i = 0; i < len; i++) {
            byte b = head[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            if (i == 0 && len >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                i += 2;
                continue;
            }
            return b == '{' ? JSONL : b == '<' ? FEED : TEXT;
        }
        return TEXT;
    }

    /** Picocli converts case-insensitively from these names. */
    public static Format parse(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "txt": case "text": return TEXT;
            case "jsonl": case "ndjson": case "json": return JSONL;
            case "rss": case "atom": case "feed": case "xml": return FEED;
            default: throw new IllegalArgumentException("unknown format '" + s + "' (text, jsonl or feed)");
        }
    }
}
