package dev.newsmon.app.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A labels file for {@code newsmon eval}: TSV with the header {@code file themes tension cooperation}; themes
 * comma-separated (empty = none), tension and cooperation integers 0-3. Errors name file and line.
 */
record Labels(List<Row> rows) {
    static final String HEADER = "file\tthemes\ttension\tcooperation";

    record Row(String file, Set<String> themes, int tension, int cooperation) {
    }

    static Labels read(Path tsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(tsv + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(tsv + ": cannot read (" + e.getMessage() + ")");
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalArgumentException(tsv + ":1: expected the header '" + HEADER.replace("\t", "<TAB>") + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = tsv + ":" + (i + 1) + ": ";
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(where + "expected 4 tab-separated fields, got " + f.length);
            }
            if (f[0].isBlank()) {
                throw new IllegalArgumentException(where + "empty file name");
            }
            Set<String> themes = new LinkedHashSet<>();
            for (String t : f[1].split(",")) {
                if (!t.isBlank()) {
                    themes.add(t.strip());
                }
            }
            rows.add(new Row(f[0].strip(), themes, level(f[2], where + "tension"), level(f[3], where + "cooperation")));
        }
        return new Labels(rows);
    }

    private static int level(String s, String what) {
        try {
            int v = Integer.parseInt(s.strip());
            if (v >= 0 && v <= 3) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be an integer 0-3, got '" + s + "'");
    }
}
