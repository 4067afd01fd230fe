package dev.newsmon.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.Newsmon;
import dev.newsmon.common.Alert;
import dev.newsmon.ingest.ArticleFiles;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.classify.Themes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest on the sample corpus, through the real topology in a TopologyTestDriver. */
class BacktestTest {
    /** Tests run with cwd = app/; the corpus users get lives at the repository root. */
    static final Path SAMPLES = Path.of("../samples/articles");

    @TempDir
    Path tmp;

    @Test
    void sameCorpusTwiceGivesSameAlertIdsAndSentences() {
        Backtest backtest = new Backtest(Themes.loadDefault(), AlertRules.loadDefault());
        List<Alert> streamed = new ArrayList<>();
        BacktestResult first = backtest.run(ArticleFiles.read(SAMPLES), streamed::add);
        BacktestResult second = backtest.run(ArticleFiles.read(SAMPLES), a -> { });

        List<String> ids = first.alerts().stream().map(Alert::id).toList();
        assertFalse(ids.isEmpty(), "the sample corpus should raise alerts");
        assertEquals(ids, second.alerts().stream().map(Alert::id).toList());
        assertEquals(first.alerts(), streamed, "alerts are reported as they are raised");
        for (Alert a : first.alerts()) {
            assertTrue(a.explanation().matches("^[A-Z].*\\.$"), "not a sentence: " + a.explanation());
        }
        assertEquals(first.summary(), second.summary());
        assertTrue(first.articles() > 0 && first.classified() <= first.articles());
        Instant previous = Instant.MIN;
        for (Alert a : first.alerts()) {
            assertFalse(a.raisedAt().isBefore(previous), "alerts out of event-time order");
            previous = a.raisedAt();
        }
    }

    @Test
    void cliPrintsAlertsAndSummaryAndWritesOneCsvPerTheme() throws Exception {
        Path csv = tmp.resolve("out");
        Run run = cli("backtest", SAMPLES.toString(), "--csv", csv.toString());
        assertEquals(0, run.exit, run.err);
        List<String> lines = run.out.lines().toList();
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("backtest: ") && summary.contains(" alerts ("), summary);
        assertTrue(lines.size() > 1, "one line per alert before the summary");

        int rows = 0;
        for (String theme : Themes.loadDefault().names()) {
            Path file = csv.resolve("signals-" + theme + ".csv");
            assertTrue(Files.exists(file), file.toString());
            List<String> content = Files.readAllLines(file);
            assertEquals(SignalCsv.header(), content.get(0));
            assertTrue(content.get(0).startsWith("subject,windowStart,windowEnd,stories,"), content.get(0));
            Instant previous = Instant.MIN;
            for (String row : content.subList(1, content.size())) {
                String[] cells = row.split(",", -1);
                assertEquals(theme, cells[0]);
                Instant end = Instant.parse(cells[2]);
                assertTrue(end.isAfter(previous), "window ends not strictly increasing in " + file + " at " + row);
                previous = end;
                rows++;
            }
        }
        assertTrue(rows > 0, "the corpus should give signal rows");
    }

    @Test
    void badFileIsOneLineNamingFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":\"a1\",\"title\":\"Fine\",\"body\":\"Fine body.\","
                + "\"published\":\"2026-10-01T00:00:00Z\"}\n{not json\n");
        Run run = cli("backtest", bad.toString(), "--csv", tmp.resolve("out").toString());
        assertNotEquals(0, run.exit);
        List<String> err = run.err.lines().toList();
        assertEquals(1, err.size(), run.err);
        assertTrue(err.get(0).startsWith("newsmon backtest: ") && err.get(0).contains("bad.jsonl:2"), err.get(0));
        assertFalse(Files.exists(tmp.resolve("out")), "no CSV from a failed run");
    }

    @Test
    void helpTellsDefaultsAndEnvironment() {
        Run run = cli("backtest", "--help");
        assertEquals(0, run.exit);
        assertTrue(run.out.contains("NEWSMON_RULES") && run.out.contains("NEWSMON_BACKTEST_CSV")
                && run.out.contains("default backtest"), run.out);
    }

    record Run(int exit, String out, String err) {
    }

    /** The alert lines go to System.out through the sink's console writer, so stdout is captured around the run. */
    private static Run cli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        int exit;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            var cmd = Newsmon.commandLine();
            cmd.setErr(new PrintWriter(err, true));
            cmd.setOut(new PrintWriter(out, true));
            exit = cmd.execute(args);
        } finally {
            System.setOut(saved);
        }
        return new Run(exit, out + bytes.toString(StandardCharsets.UTF_8), err.toString());
    }
}
