package dev.newsmon.processor.alerts;

import java.util.Locale;

/** The one sentence each alert carries; numbers rounded the way a desk reads them. */
final class Explanations {
    private Explanations() {
    }

    static String label(String theme) {
        StringBuilder b = new StringBuilder();
        for (String w : theme.split("_")) {
            if (w.isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    static String stories(int n) {
        return n == 1 ? "1 story" : n + " stories";
    }

    static String threshold(String theme, String measure, double value, String window, double z, int baselineDays,
                            double baseline, int stories) {
        return String.format(Locale.ROOT, "%s %s %.2f over the last %s, %.1fσ above its %d-day baseline of %.2f, "
                + "from %s.", label(theme), measure, value, window, z, baselineDays, baseline, stories(stories));
    }

    static String shift(String theme, double before, int storiesBefore, double now, int storiesNow, String window) {
        return String.format(Locale.ROOT, "%s balance flipped from %s (%+.2f over the previous %s) to %s (%+.2f from "
                        + "%s) over the last %s.", label(theme), tone(before), before, stories(storiesBefore),
                tone(now), now, stories(storiesNow), window);
    }

    static String breaking(String theme, String title, double tension, double bar) {
        return String.format(Locale.ROOT, "Breaking on %s: \"%s\" carries tension %.2f, above the %.2f bar.",
                label(theme), title, tension, bar);
    }

    static String reawakening(String theme, long quietDays, String title) {
        return String.format(Locale.ROOT, "%s is back in the news after %d quiet days: \"%s\".",
                label(theme), quietDays, title);
    }

    private static String tone(double net) {
        return net < 0 ? "tense" : "cooperative";
    }
}
