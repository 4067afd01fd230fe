package dev.newsmon.ingest.meta;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when an article was published from what its text states: a labelled line
 * ("Published: Jul 25, 2022 09:43 PM", "date 2024-05-13") anywhere, or a line that is only a date
 * just under the title. Times without a zone are read as UTC. Never guesses from file times.
 */
public final class PublishedDates {

    /** The date and the index of the line that stated it, so the caller can drop that line from the body. */
    public record Found(Instant when, int line) {
    }

    private static final Pattern LABELLED = Pattern.compile(
            "^\\W{0,3}(first published|published|posted|last updated|updated|dated|date|pubdate)"
                    + "(?:\\s+(?:on|at))?\\s*[:=\\-\u2013\u2014]?\\s*(.{4,80})$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern WEEKDAY = Pattern.compile(
            "^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+", Pattern.CASE_INSENSITIVE);

    /** "Jul 25, 2022 09:43 PM", "25 July 2022", "14 May 2024 08:00:00 GMT", with an optional zone. */
    private static final Pattern MONTH_NAME = Pattern.compile(
            "(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?"
                    + "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+"
                    + "(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?(\\d{4})"
                    + "(?:,?\\s+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*(?:([ap])\\.?m\\.?)?)?"
                    + "\\s*(?:\\(?(utc|gmt|z|kst|jst|(?:utc|gmt)?[+-]\\d{1,2}(?::?\\d{2})?)\\)?)?\\.?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ISO = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final int HEADER_LINES = 4;
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final int[] UTC_SECONDS_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};

    private PublishedDates() {
    }

    /**
     * Searches {@code lines} from {@code from}: labelled dates anywhere ("published" beats "updated"),
     * else a bare date among the first few non-empty lines. Null when the text states no date.
     */
    public static Found find(List<String> lines, int from) {
        Found updated = null;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 100 || line.isEmpty() || !mayBeLabel(line)) {
                continue;
            }
            Matcher m = LABELLED.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Instant when = parse(m.group(2));
            if (when == null) {
                continue;
            }
            if (!m.group(1).toLowerCase(Locale.ROOT).contains("updated")) {
                return new Found(when, i);
            }
            if (updated == null) {
                updated = new Found(when, i);
            }
        }
        if (updated != null) {
            return updated;
        }
        int seen = 0;
        for (int i = from; i < lines.size() && seen < HEADER_LINES; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            if (line.length() <= 60 && Character.isLetterOrDigit(line.charAt(0))) {
                Instant when = parse(line);
                if (when != null) {
                    return new Found(when, i);
                }
            }
        }
        return null;
    }

    private static boolean mayBeLabel(String line) {
        for (int i = 0; i < Math.min(4, line.length()); i++) {
            char c = Character.toLowerCase(line.charAt(i));
            if (c == 'p' || c == 'u' || c == 'd' || c == 'f' || c == 'l') {
                return true;
            }
        }
        return false;
    }

    /** Parses one date the way sources write them; null if {@code s} as a whole is not a plausible date. */
    public static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        // Only a letter can start a weekday; feeds and exports mostly give ISO dates, which start with a digit.
        if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
            t = WEEKDAY.matcher(t).replaceFirst("");
        }
        Instant when = null;
        if (isUtcSeconds(t)) {
            when = utcSeconds(t);
        } else if (ISO.matcher(t).matches()) {
            when = parseIso(t);
        } else {
            Matcher m = MONTH_NAME.matcher(t);
            if (m.matches()) {
                when = fromMonthName(m);
            }
        }
        return plausible(when) ? when : null;
    }

    /** "2024-05-13T08:00:00Z", the form most exports and feeds use, checked without a regex. */
    private static boolean isUtcSeconds(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return false;
        }
        for (int i : UTC_SECONDS_DIGITS) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** What {@link #parseIso} gives for that form, without DateTimeFormatter's general (and slow) parser. */
    private static Instant utcSeconds(String t) {
        try {
            return LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10), digits(t, 11, 13),
                    digits(t, 14, 16), digits(t, 17, 19)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + t.charAt(i) - '0';
        }
        return v;
    }

    private static Instant parseIso(String t) {
        String s = t.replace(' ', 'T');
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            char last = s.charAt(s.length() - 1);
            boolean zoned = last == 'Z' || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10;
            if (!zoned) {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
            if (s.length() > 5 && (s.charAt(s.length() - 5) == '+' || s.charAt(s.length() - 5) == '-')) {
                s = s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2);
            }
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant fromMonthName(Matcher m) {
        String dayBefore = m.group(1);
        String dayAfter = m.group(3);
        if ((dayBefore == null) == (dayAfter == null)) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) / 3 + 1;
        int day = Integer.parseInt(dayBefore != null ? dayBefore : dayAfter);
        int year = Integer.parseInt(m.group(4));
        int hour = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int minute = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        String ampm = m.group(8);
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (Character.toLowerCase(ampm.charAt(0)) == 'p' ? 12 : 0);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(zone(m.group(9)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset zone(String z) {
        if (z == null) {
            return ZoneOffset.UTC;
        }
        String s = z.toUpperCase(Locale.ROOT);
        if (s.equals("KST") || s.equals("JST")) {
            return ZoneOffset.ofHours(9);
        }
        s = s.replace("UTC", "").replace("GMT", "");
        if (s.isEmpty() || s.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = s.substring(1).replace(":", "");
        int hours;
        int minutes = 0;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        int sign = s.charAt(0) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Rejects years no news article has, e.g. a "date 0001-01-01" placeholder. */
    private static boolean plausible(Instant when) {
        return when != null && when.isAfter(EARLIEST)
                && when.isBefore(Instant.now().plusSeconds(366L * 24 * 3600));
    }
}
