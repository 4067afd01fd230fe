package dev.newsmon.app.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelsTest {
    @TempDir
    Path dir;

    @Test
    void readsThemesAndLevels() throws IOException {
        Path f = write("file\tthemes\ttension\tcooperation\na.txt\tchips,taiwan\t2\t0\nb.txt\t\t0\t3\n");
        Labels labels = Labels.read(f);
        assertEquals(2, labels.rows().size());
        assertEquals(Set.of("chips", "taiwan"), labels.rows().get(0).themes());
        assertEquals(Set.of(), labels.rows().get(1).themes());
        assertEquals(3, labels.rows().get(1).cooperation());
    }

    @Test
    void badLevelNamesFileAndLine() throws IOException {
        Path f = write("file\tthemes\ttension\tcooperation\na.txt\tchips\t2\t0\nb.txt\t\t7\t0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Labels.read(f));
        assertTrue(e.getMessage().startsWith(f + ":3: tension"), e.getMessage());
    }

    @Test
    void wrongHeaderIsRejected() throws IOException {
        Path f = write("name,themes\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Labels.read(f));
        assertTrue(e.getMessage().contains(":1:"), e.getMessage());
    }

    private Path write(String s) throws IOException {
        Path f = dir.resolve("labels.tsv");
        Files.writeString(f, s);
        return f;
    }
}
