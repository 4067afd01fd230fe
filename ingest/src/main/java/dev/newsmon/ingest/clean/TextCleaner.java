package dev.newsmon.ingest.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Strips scraper and wire furniture from story text and keeps its paragraphs.
 * Removes ad markers, furniture lines (see {@link Furniture}), "Most Read from ..." blocks with the
 * headlines under them, repeats of the title, and lines repeated back to back (captions, related-story
 * links), keeping none of the copies. Paragraphs come out separated by one blank line.
 */
public final class TextCleaner {
    private static final int MAX_BLOCK_HEADLINES = 12;

    private TextCleaner() {
    }

    /** Splits on \n (dropping \r), tidying odd spaces; the lines are what the other steps look at. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(64);
        int start = 0;
        int n = text.length();
        // indexOf is vectorised; most texts have none of the odd spaces, so no line needs a char-by-char look.
        boolean mayBeOdd = text.indexOf('\t') >= 0 || text.indexOf('\u00a0') >= 0 || text.indexOf('\u200b') >= 0
                || text.indexOf('\u202f') >= 0 || text.indexOf('\u2009') >= 0;
        while (start <= n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            lines.add(tidy(text, start, end, mayBeOdd));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return lines;
    }

    /** The line with non-breaking and zero-width spaces made plain and the ends trimmed; with !mayBeOdd only trimmed. */
    static String tidy(String text, int start, int end, boolean mayBeOdd) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        boolean odd = false;
        for (int i = mayBeOdd ? start : end; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c >= '\u00a0' && (c == '\u00a0' || c == '\u200b' || c == '\u202f' || c == '\u2009')) {
                odd = true;
                break;
            }
        }
        String s = text.substring(start, end);
        if (!odd) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200b') {
                continue;
            }
            sb.append(c == '\u00a0' || c == '\u202f' || c == '\u2009' || c == '\t' ? ' ' : c);
        }
        return sb.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\u200b' || c == '\u202f' || c == '\u2009'
                || c == '\f';
    }

    /** Index of the first non-empty line at or after {@code from}, or -1. */
    public static int firstNonEmpty(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The clean body made of {@code lines} from index {@code from}; {@code title} (may be null) is dropped
     * wherever a line repeats it. Lines set to "" by the caller (e.g. a consumed "Published:" line) vanish.
     */
    public static String clean(List<String> lines, int from, String title) {
        int n = lines.size();
        String[] kept = new String[n];
        // Text that separates paragraphs by blank lines may wrap lines inside a paragraph; keep those together.
        boolean blankSeparated = false;
        boolean pendingBlank = false;
        int nonEmpty = 0;
        for (int i = from; i < n; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                pendingBlank = nonEmpty > 0;
                continue;
            }
            blankSeparated |= pendingBlank;
            pendingBlank = false;
            nonEmpty++;
            if (line.indexOf('[') >= 0) {
                line = Furniture.AD_MARKER.matcher(line).replaceAll("").strip();
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (Furniture.startsHeadlineBlock(line)) {
                i = skipHeadlines(lines, i + 1) - 1;
                continue;
            }
            if (line.equals(title) || Furniture.isJunkLine(line)) {
                continue;
            }
            kept[i] = line;
        }
        dropBackToBackRepeats(kept, from);
        return join(kept, from, blankSeparated);
    }

    /** Index just past the headlines that follow a "Most Read" line (blank lines between them allowed). */
    private static int skipHeadlines(List<String> lines, int i) {
        int headlines = 0;
        int end = i;
        while (i < lines.size() && headlines < MAX_BLOCK_HEADLINES) {
            String line = lines.get(i);
            if (!line.isEmpty()) {
                if (!Furniture.looksLikeHeadline(line)) {
                    break;
                }
                headlines++;
                end = i + 1;
            }
            i++;
        }
        return end;
    }

    /** A caption or related-story link is printed twice in a row by many scrapers; the story never is. */
    private static void dropBackToBackRepeats(String[] kept, int from) {
        String prevText = null;
        int prev = -1;
        for (int i = from; i < kept.length; i++) {
            if (kept[i] == null) {
                continue;
            }
            if (kept[i].equals(prevText)) {
                kept[prev] = null;
                kept[i] = null;
                prev = i;
                continue;
            }
            prevText = kept[i];
            prev = i;
        }
    }

    private static String join(String[] kept, int from, boolean blankSeparated) {
        // Sized up front so a long body is copied once, not regrown.
        int size = 0;
        for (int i = from; i < kept.length; i++) {
            size += kept[i] == null ? 0 : kept[i].length() + 2;
        }
        StringBuilder sb = new StringBuilder(size);
        boolean gap = false;
        for (int i = from; i < kept.length; i++) {
            String line = kept[i];
            if (line == null) {
                gap = true;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(!blankSeparated || gap ? "\n\n" : "\n");
            }
            sb.append(line);
            gap = false;
        }
        return sb.toString();
    }
}
