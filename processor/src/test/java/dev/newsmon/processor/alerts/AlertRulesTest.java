package dev.newsmon.processor.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesTest {
    @TempDir
    Path dir;

    @Test
    void bundledRulesAreTheIssueDefaults() {
        AlertRules r = AlertRules.loadDefault();
        assertEquals(Duration.ofHours(24), r.signals().window());
        assertEquals(Duration.ofHours(1), r.signals().hop());
        assertEquals(14, r.signals().baselineDays());
        assertTrue(r.signals().dyads().contains("china>south_korea"));
    }

    @Test
    void aBadFileGivesOneLineNamingTheFieldOrTheProblem() throws Exception {
        String good = new String(AlertRules.class.getResourceAsStream(AlertRules.RESOURCE).readAllBytes());
        assertEquals("rules " + write("r0.json", good.replace("\"k\": 2.0", "\"k\": 0.5")).toString()
                        .replace(".json", ".json") + ": tensionSpike.rearmZ must be below k, or the rule could never "
                        + "re-arm",
                assertThrows(IllegalArgumentException.class, () -> AlertRules.load(dir.resolve("r0.json")))
                        .getMessage());
        String typo = assertThrows(IllegalArgumentException.class,
                () -> AlertRules.load(write("r1.json", good.replace("\"floor\"", "\"flor\"")))).getMessage();
        assertTrue(typo.contains("tensionSpike.") && !typo.contains("\n"), typo);
        String hop = assertThrows(IllegalArgumentException.class,
                () -> AlertRules.load(write("r2.json", good.replace("\"PT1H\"", "\"PT7H\"")))).getMessage();
        assertTrue(hop.contains("hop PT7H must divide"), hop);
        assertEquals("rules " + dir.resolve("none.json") + ": no such file", assertThrows(
                IllegalArgumentException.class, () -> AlertRules.load(dir.resolve("none.json"))).getMessage());
        String missing = assertThrows(IllegalArgumentException.class,
                () -> AlertRules.load(write("r3.json", "{\"signals\":" + good.substring(good.indexOf('{', 1),
                        good.indexOf('}') + 1) + "}"))).getMessage();
        assertTrue(missing.endsWith("missing section 'tensionSpike'"), missing);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
