package dev.newsmon.app.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifyCommandTest {
    @TempDir
    Path dir;

    private String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    @Test
    void printsOneClassifiedJsonLinePerArticle() throws IOException {
        Files.writeString(dir.resolve("a.txt"), """
                Seoul protests as Beijing curbs chip exports
                Published: 2026-10-13T08:00:00Z

                South Korea lodged a protest after China restricted exports of gallium used by chipmakers. \
                Samsung and SK Hynix said their semiconductor plants had enough stock.
                """);
        Files.writeString(dir.resolve("b.txt"), """
                Autumn festival opens in Busan
                Published: 2026-10-02T08:00:00Z

                Crowds gathered for the opening of the autumn food festival.
                """);
        String[] lines = run(new ClassifyCommand(), dir.toString()).strip().split("\n");
        assertEquals(2, lines.length);
        ClassifiedArticle first = Json.MAPPER.readValue(lines[0], ClassifiedArticle.class);
        assertTrue(first.about("chips"), lines[0]);
        assertTrue(first.tension() > 0);
        JsonNode tree = Json.MAPPER.readTree(lines[0]);
        assertTrue(tree.has("eventTime") && tree.has("cues") && tree.has("dyads") && !tree.has("duplicateOf"));
        assertTrue(Json.MAPPER.readValue(lines[1], ClassifiedArticle.class).themes().isEmpty());
    }

    @Test
    void evalScoresALabelledDirectory() throws IOException {
        Path articles = Files.createDirectory(dir.resolve("articles"));
        Files.writeString(articles.resolve("chips.txt"), """
                Samsung expands memory chip output in Xi'an
                Published: 2026-10-01T08:00:00Z

                Samsung Electronics said its memory chip plant will raise output. The chipmaker cited AI demand.
                """);
        Files.writeString(articles.resolve("weather.txt"), """
                Rain expected in Seoul
                Published: 2026-10-02T08:00:00Z

                Heavy rain is expected in Seoul over the weekend, forecasters said.
                """);
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(labels, "file\tthemes\ttension\tcooperation\nchips.txt\tchips\t0\t1\n"
                + "weather.txt\ttaiwan\t0\t0\n");
        String out = run(new EvalCommand(), articles.toString(), labels.toString());
        assertTrue(out.contains("chips                    1.000     1.000     1.000"), out);
        // the weather story is mislabelled taiwan on purpose: recall 0 for taiwan, and it is listed
        assertTrue(out.contains("taiwan                   0.000     0.000     0.000"), out);
        assertTrue(out.contains("weather.txt  labelled [taiwan]  got []"), out);
        assertTrue(out.contains("macro-F1 0.750"), out);
    }

    @Test
    void explainShowsEvidenceWithoutAnsiWhenNotATerminal() throws IOException {
        Files.writeString(dir.resolve("a.txt"), """
                Envoy warns Seoul
                Published: 2026-10-14T08:00:00Z

                The ambassador said Seoul would definitely regret it. Both sides should meet each other halfway.
                """);
        String out = run(new ClassifyCommand(), "--explain", "--color=never", dir.resolve("a.txt").toString());
        assertTrue(out.contains("{-definitely regret}"), out);
        assertTrue(out.contains("{+meet each other halfway}"), out);
        assertFalse(out.contains("\u001b["), out);
    }
}
