package dev.newsmon.app.backtest;

import dev.newsmon.common.ThemeSignal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes one {@code signals-<subject>.csv} per subject, columns named and ordered as ThemeSignal's fields. */
public final class SignalCsv {
    // Read off the record so a field added to the wire contract shows up as a column without touching this.
    private static final RecordComponent[] COLUMNS = ThemeSignal.class.getRecordComponents();

    private SignalCsv() {
    }

    /** Writes every theme (a header only when it had no signal) and every other subject seen; returns the files. */
    public static List<Path> write(Path dir, List<String> themes, SignalSeries series) throws IOException {
        Files.createDirectories(dir);
        Set<String> subjects = new LinkedHashSet<>(themes);
        subjects.addAll(series.subjects());
        List<Path> files = new ArrayList<>();
        for (String subject : subjects) {
            Path file = dir.resolve(fileName(subject));
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(header());
                w.newLine();
                for (ThemeSignal s : series.of(subject)) {
                    w.write(row(s));
                    w.newLine();
                }
            }
            files.add(file);
        }
        return files;
    }

    /** "taiwan" -> signals-taiwan.csv; "dyad:china>south_korea" -> signals-dyad-china-to-south_korea.csv. */
    static String fileName(String subject) {
        String safe = subject.replace(">", "-to-").replace(":", "-").replaceAll("[^A-Za-z0-9_.-]", "_");
        return "signals-" + safe + ".csv";
    }

    static String header() {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : COLUMNS) {
            names.add(c.getName());
        }
        return String.join(",", names);
    }

    static String row(ThemeSignal s) {
        List<String> cells = new ArrayList<>();
        for (RecordComponent c : COLUMNS) {
            try {
                cells.add(cell(c.getAccessor().invoke(s)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read ThemeSignal." + c.getName(), e);
            }
        }
        return String.join(",", cells);
    }

    /** Instants in ISO-8601 and doubles in Java's shortest round-trip form, as the API's JSON has them. */
    private static String cell(Object v) {
        String s = v == null ? "" : v.toString();
        return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
