package dev.newsmon.ingest.clean;

import java.util.regex.Pattern;

/** Recognises the lines scrapers and wire services wrap around a story, which are not part of it. */
public final class Furniture {

    /** "[ad_1]" and friends, anywhere in a line. */
    static final Pattern AD_MARKER = Pattern.compile("\\[\\s*ad_\\d+\\s*]", Pattern.CASE_INSENSITIVE);

    private static final Pattern READ_MORE = Pattern.compile(
            "^(?:read more|read also|also read|read next|recommended reading|related)\\b\\s*(?:[:\u2026.\\-\u2013\u2014>\u00bb].*)?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern EXACT = Pattern.compile(
            "^(?:leave a (?:comment|reply)(?: cancel reply)?|source link|advertisement|advertising|sponsored content"
                    + "|story continues below(?: advertisement)?|share this(?: article)?|click to share.*"
                    + "|scroll (?:down|to continue).*)[.:!]?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BYLINE = Pattern.compile(
            "^(?:by\\s+\\p{Lu}[\\p{L}.'\\-]*(?:\\s+(?:and\\s+)?\\p{Lu}[\\p{L}.'\\-]*,?){0,6}(?:\\s*[|,]\\s*[^.]{0,40})?"
                    + "|[-\u2013\u2014]{1,2}\\s*with assistance from .*"
                    + "|\\((?:updates|adds|recasts|corrects) .*\\)"
                    + "|to contact the (?:reporter|editor)s? .*"
                    + "|reporting by .*|editing by .*|(?:writing|additional reporting) by .*)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern COPYRIGHT = Pattern.compile(
            "^(?:\u00a9|\\(c\\)\\s*\\d{4}|copyright\\b).*|.*\\ball rights reserved\\b.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            ".{0,80}\\b(?:file photo|photo|image|picture)\\s*(?:credit)?\\s*:\\s*\\S.{0,40}", Pattern.CASE_INSENSITIVE);

    private static final Pattern MOST_READ = Pattern.compile(
            "^(?:most read(?: from .*)?|most popular(?: from .*)?|trending now|top stories)[.:]?$",
            Pattern.CASE_INSENSITIVE);

    private Furniture() {
    }

    /** True for a line that is never story text: read-more links, comment prompts, bylines, copyright. */
    public static boolean isJunkLine(String line) {
        // Story paragraphs are long; checking length and the first letter first keeps the regexes off the hot path.
        if (line.isEmpty() || line.length() > 200) {
            return false;
        }
        char c = Character.toLowerCase(line.charAt(0));
        if ((c == 'r' || c == 'a') && READ_MORE.matcher(line).matches()) {
            return true;
        }
        if ("lsacd".indexOf(c) >= 0 && EXACT.matcher(line).matches()) {
            return true;
        }
        if ("brtewa(-\u2013\u2014".indexOf(c) >= 0 && BYLINE.matcher(line).matches()) {
            return true;
        }
        if ((c == '\u00a9' || c == '(' || c == 'c' || line.contains("ights reserved")) && COPYRIGHT.matcher(line).matches()) {
            return true;
        }
        return line.length() < 120 && line.indexOf(':') > 0 && PHOTO_CREDIT.matcher(line).matches();
    }

    /** "Most Read from Bloomberg": the start of a block of other stories' headlines. */
    public static boolean startsHeadlineBlock(String line) {
        return line.length() < 80 && MOST_READ.matcher(line).matches();
    }

    /**
     * A line inside a headline block: short, and not ending like a sentence of the story
     * (headlines rarely end in a full stop; story paragraphs almost always do).
     */
    public static boolean looksLikeHeadline(String line) {
        if (line.length() > 140 || line.length() < 3) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == ':' || last == ';') {
            return false;
        }
        if ((last == '"' || last == '\u201d') && line.length() > 1) {
            char before = line.charAt(line.length() - 2);
            return before != '.' && before != ',';
        }
        return true;
    }

}
