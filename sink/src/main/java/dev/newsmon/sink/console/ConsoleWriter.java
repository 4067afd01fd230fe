package dev.newsmon.sink.console;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Severity;
import dev.newsmon.sink.AlertText;
import dev.newsmon.sink.digest.AlertDigest;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One human line per alert. Each id is shown once per run; alerts re-read after a restart may show again,
 * because the console keeps no state across runs. Colour only when {@code colour} is set (a terminal).
 */
public final class ConsoleWriter {
    private static final int REMEMBERED = 100_000;
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final boolean colour;
    private final Set<String> shown = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public ConsoleWriter(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    /** Colour when attached to a terminal, unless NO_COLOR (no-color.org) or TERM=dumb says otherwise. */
    public static boolean terminalWantsColour() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
    }

    /** Prints the alert unless it was shown already in this run; returns whether it printed. */
    public boolean print(Alert a) {
        if (!shown.add(a.id())) {
            return false;
        }
        out.println(line(a));
        out.flush();
        return true;
    }

    /** Prints a digest as a header line and one indented line per alert not yet shown in this run. */
    public boolean print(AlertDigest d) {
        var fresh = d.alerts().stream().filter(a -> shown.add(a.id())).toList();
        if (fresh.isEmpty()) {
            return false;
        }
        AlertDigest shownDigest = new AlertDigest(d.theme(), d.periodStart(), d.periodEnd(), fresh);
        StringBuilder s = new StringBuilder(paint(shownDigest.highest(), "DIGEST  ")).append(' ')
                .append(AlertText.headline(shownDigest));
        for (Alert a : fresh) {
            s.append(System.lineSeparator()).append("    ").append(line(a));
        }
        out.println(s);
        out.flush();
        return true;
    }

    String line(Alert a) {
        Instant when = AlertText.when(a);
        String sev = String.format("%-8s", AlertText.severity(a));
        return (when == null ? "-" : when.toString()) + " " + paint(a.severity(), sev) + " " + AlertText.headline(a);
    }

    private String paint(Severity severity, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (severity == null ? Severity.INFO : severity) {
            case CRITICAL -> "\u001b[1;31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
        return code + text + RESET;
    }
}
