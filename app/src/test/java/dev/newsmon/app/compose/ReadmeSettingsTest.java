package dev.newsmon.app.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's settings table is what users read first; it must list exactly the variables the CLI reads. */
class ReadmeSettingsTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(NEWSMON_[A-Z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    void settingsTableListsEveryVariableTheCliReadsAndNoOther() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Set<String> documented = new TreeSet<>();
        Matcher m = TABLE_ROW.matcher(readme);
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> read = new CliModel().variables();

        assertFalse(read.isEmpty(), "the CLI model names no variables: the check would prove nothing");
        assertEquals(read, documented, "README.md settings table vs the NEWSMON_* variables the CLI reads");
    }
}
