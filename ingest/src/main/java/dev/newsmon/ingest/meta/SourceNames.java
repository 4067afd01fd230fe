package dev.newsmon.ingest.meta;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the outlet an article came from, from wire markers, a URL's domain or a copyright line. */
public final class SourceNames {

    /** "(Bloomberg) --", "SEOUL, May 13 (Reuters) -", "BEIJING (AP) —" at the start of the story. */
    private static final Pattern WIRE_MARKER = Pattern.compile(
            "^[^()]{0,60}?\\(([A-Z][A-Za-z&.' ]{0,40}?)\\)\\s*(?:--|\u2014|\u2013|-)\\s");

    private static final Pattern COPYRIGHT = Pattern.compile(
            "^(?:\u00a9|\\(c\\)|copyright)\\s*(?:\u00a9\\s*)?(?:\\d{4}(?:\\s*[-\u2013]\\s*\\d{4})?)?\\s*,?\\s*(.+?)"
                    + "(?:[.,]?\\s*all rights reserved\\.?)?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "[,]?\\s+(?:L\\.P\\.|LP|Inc\\.?|Ltd\\.?|LLC|Co\\.?,? Ltd\\.?|Corp\\.?|Limited)$");

    private static final int MARKER_LINES = 3;

    private SourceNames() {
    }

    /** A wire marker in the first paragraphs of the body lines from {@code from}, or null. */
    public static String fromMarker(List<String> lines, int from) {
        int seen = 0;
        for (int i = from; i < lines.size() && seen < MARKER_LINES; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            seen++;
            if (line.indexOf('(') < 0) {
                continue;
            }
            Matcher m = WIRE_MARKER.matcher(line.strip());
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    /** The holder named in a copyright line, e.g. "\u00a92024 Bloomberg L.P." gives "Bloomberg"; else null. */
    public static String fromCopyright(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 160) {
            return null;
        }
        char c = s.charAt(0);
        if (c != '\u00a9' && c != '(' && c != 'C' && c != 'c') {
            return null;
        }
        Matcher m = COPYRIGHT.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String holder = COMPANY_SUFFIX.matcher(m.group(1).strip()).replaceFirst("").strip();
        return holder.isEmpty() || !Character.isLetter(holder.charAt(0)) ? null : holder;
    }

    /** The URL's host without "www.", e.g. "globaltimes.cn"; null if there is no usable host. */
    public static String fromUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null || host.isEmpty()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
