package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.ingest.publish.ProgressLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void showsCountRateAndEtaOnlyPastAThousandItemsAndClearsItself() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        AtomicLong count = new AtomicLong(960);
        ProgressLine line = new ProgressLine(out, true, count::get, () -> 500, 1000);
        line.tick();
        assertEquals("", buf.toString(StandardCharsets.UTF_8), "quiet for small runs");
        count.set(1088);
        line.tick();
        String shown = buf.toString(StandardCharsets.UTF_8);
        assertTrue(shown.matches("\r1,088 articles  [\\d,]+/s  ETA \\d+:\\d\\d\u001b\\[K"), shown);
        line.clear();
        assertTrue(buf.toString(StandardCharsets.UTF_8).endsWith("\r\u001b[K"));
    }

    @Test
    void offWhenNotATerminal() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(buf), false, () -> 5000, () -> 1, 2);
        line.tick();
        line.clear();
        assertEquals(0, buf.size());
    }
}
