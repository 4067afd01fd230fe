package dev.newsmon.processor.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemesFileTest {
    @TempDir
    Path dir;

    @Test
    void defaultThemesAreTheFourDeskThemesInFileOrder() {
        assertEquals(List.of("chips", "taiwan", "north_korea", "trilateral_summit"), Themes.loadDefault().names());
    }

    @Test
    void aWatcherCanAddAThemeInTheirOwnFile() throws IOException {
        Path f = write("""
                {"themes": [{"name": "rare_earths", "threshold": 1.0,
                  "terms": {"rare earth": 1.0, "gallium": 1.0}, "exclude": ["rare earth magnet toy"]}]}""");
        Themes themes = Themes.load(f);
        assertEquals(List.of("rare_earths"), themes.names());
        var a = new Classifier(themes).classify(Articles.of("China curbs gallium exports", "Rare earths too."));
        assertEquals("rare_earths", a.themes().get(0).theme());
    }

    @Test
    void missingThresholdNamesThemeAndField() throws IOException {
        String msg = error("""
                {"themes": [{"name": "chips", "terms": {"chip": 1.0}}]}""");
        assertTrue(msg.contains("theme 'chips'") && msg.contains("'threshold'"), msg);
    }

    @Test
    void badWeightNamesThemeFieldAndTerm() throws IOException {
        String msg = error("""
                {"themes": [{"name": "chips", "threshold": 1, "terms": {"chip": "heavy"}}]}""");
        assertTrue(msg.contains("theme 'chips'") && msg.contains("'terms'") && msg.contains("'chip'"), msg);
    }

    @Test
    void misspelledFieldIsReported() throws IOException {
        String msg = error("""
                {"themes": [{"name": "chips", "threshold": 1, "terms": {"chip": 1}, "exlude": ["x"]}]}""");
        assertTrue(msg.contains("theme 'chips'") && msg.contains("'exlude'"), msg);
    }

    @Test
    void themeNameMustBeUsableAsATopicSuffix() throws IOException {
        String msg = error("""
                {"themes": [{"name": "North Korea", "threshold": 1, "terms": {"dprk": 1}}]}""");
        assertTrue(msg.contains("theme 'North Korea'") && msg.contains("'name'"), msg);
    }

    @Test
    void unknownActorInRuleIsReported() throws IOException {
        String msg = error("""
                {"themes": [{"name": "x", "threshold": 1, "terms": {"a": 1},
                  "actors": {"all": ["china", "atlantis"], "weight": 1}}]}""");
        assertTrue(msg.contains("theme 'x'") && msg.contains("'actors'") && msg.contains("atlantis"), msg);
    }

    @Test
    void duplicateThemeAndBrokenJsonAreReported() throws IOException {
        String dup = error("""
                {"themes": [{"name": "x", "threshold": 1, "terms": {"a": 1}},
                            {"name": "x", "threshold": 1, "terms": {"b": 1}}]}""");
        assertTrue(dup.contains("theme 'x'") && dup.contains("'name'"), dup);
        String broken = error("{\"themes\": [ {\"name\": \"x\",\n \"threshold\": }");
        assertTrue(broken.contains("line 2"), broken);
    }

    @Test
    void missingFileIsOneLine() {
        ThemesException e = assertThrows(ThemesException.class, () -> Themes.load(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json"));
        assertFalse(e.getMessage().contains("\n"));
    }

    private Path write(String json) throws IOException {
        Path f = dir.resolve("themes.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    private String error(String json) throws IOException {
        Path f = write(json);
        ThemesException e = assertThrows(ThemesException.class, () -> Themes.load(f));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        return e.getMessage();
    }
}
