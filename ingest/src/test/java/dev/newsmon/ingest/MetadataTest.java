package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsmon.ingest.meta.LanguageGuesser;
import dev.newsmon.ingest.meta.PublishedDates;
import dev.newsmon.ingest.meta.SourceNames;
import dev.newsmon.ingest.read.Draft;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Jul 25, 2022 09:43 PM          | 2022-07-25T21:43:00Z",
        "July 25, 2022 9:43 am          | 2022-07-25T09:43:00Z",
        "Jul 25, 2022 12:05 AM          | 2022-07-25T00:05:00Z",
        "25 July 2022                   | 2022-07-25T00:00:00Z",
        "2024-05-13                     | 2024-05-13T00:00:00Z",
        "2026-10-03T08:15:00Z           | 2026-10-03T08:15:00Z",
        "2024-05-13T10:00:00+09:00      | 2024-05-13T01:00:00Z",
        "2024-05-13 10:00               | 2024-05-13T10:00:00Z",
        "Tue, 14 May 2024 08:00:00 GMT  | 2024-05-14T08:00:00Z",
        "Tue, 14 May 2024 17:00:00 +0900| 2024-05-14T08:00:00Z",
        "May 14, 2024 5:00 PM KST       | 2024-05-14T08:00:00Z",
    })
    void parsesTheWaysSourcesWriteDates(String text, String expected) {
        assertEquals(Instant.parse(expected), PublishedDates.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yesterday", "2024-13-45", "Jul 45, 2022", "0001-01-01", "13:45 PM",
        "the summit in May 2024 was delayed"})
    void rejectsWhatIsNotADate(String text) {
        assertNull(PublishedDates.parse(text));
    }

    @Test
    void findsLabelledDatesAnywhereAndBareDatesOnlyUnderTheTitle() {
        assertEquals(Instant.parse("2024-05-13T00:00:00Z"),
                PublishedDates.find(List.of("Title", "date 2024-05-13", "", "Body."), 1).when());
        assertEquals(3, PublishedDates.find(List.of("Title", "Body.", "", "Published: Jul 25, 2022 09:43 PM"), 1).line());
        assertEquals(Instant.parse("2024-05-13T00:00:00Z"), PublishedDates.find(List.of("Title", "", "2024-05-13"), 1).when());
        assertNull(PublishedDates.find(List.of("Title", "a", "b", "c", "d", "e", "2024-05-13"), 1));
        // "Published" wins over "Updated" whatever the order.
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), PublishedDates.find(
                List.of("Title", "Updated: 2024-05-02", "Published: 2024-05-01", "Body."), 1).when());
    }

    @Test
    void textDateBeatsFeedDateAndNoDateStaysEmpty() {
        ArticleAssembler assembler = new ArticleAssembler(1 << 20, null);
        Instant feedDate = Instant.parse("2024-01-01T00:00:00Z");
        Draft stated = new Draft("f:1", null, null, null, "T", "Posted: 2024-02-02\nBody text here.", feedDate, null);
        assertEquals(Instant.parse("2024-02-02T00:00:00Z"), assembler.assemble(stated, Instant.EPOCH, Problems.STRICT).published());
        Draft unstated = new Draft("f:2", null, null, null, "T", "Body text here.", feedDate, null);
        assertEquals(feedDate, assembler.assemble(unstated, Instant.EPOCH, Problems.STRICT).published());
        Draft none = Draft.scraped("f.txt", "T\nBody text here, first seen in 2024.");
        assertNull(assembler.assemble(none, Instant.EPOCH, Problems.STRICT).published());
    }

    @Test
    void sourceFromWireMarkersCopyrightAndUrl() {
        assertEquals("Bloomberg", SourceNames.fromMarker(List.of("(Bloomberg) -- The talks began."), 0));
        assertEquals("Reuters", SourceNames.fromMarker(List.of("SEOUL, May 13 (Reuters) - The talks began."), 0));
        assertEquals("AP", SourceNames.fromMarker(List.of("BEIJING (AP) \u2014 The talks began."), 0));
        assertNull(SourceNames.fromMarker(List.of("The ministers (both new) met - briefly."), 0));
        assertEquals("Bloomberg", SourceNames.fromCopyright("\u00a92024 Bloomberg L.P."));
        assertEquals("Harbor Daily", SourceNames.fromCopyright("Copyright 2025 Harbor Daily. All rights reserved."));
        assertEquals("globaltimes.cn", SourceNames.fromUrl("https://www.GlobalTimes.cn/page/202207/1271.shtml"));
        assertNull(SourceNames.fromUrl("not a url"));
    }

    @Test
    void sourcePrecedenceIsExplicitThenMarkerThenDomain() {
        ArticleAssembler assembler = new ArticleAssembler(1 << 20, null);
        Draft marker = new Draft("f:1", null, "https://yahoo.test/x", null, "T", "(Bloomberg) -- Body text.", null, null);
        assertEquals("Bloomberg", assembler.assemble(marker, Instant.EPOCH, Problems.STRICT).source());
        Draft domain = new Draft("f:1", null, "https://www.harbor.test/x", null, "T", "Body text.", null, null);
        assertEquals("harbor.test", assembler.assemble(domain, Instant.EPOCH, Problems.STRICT).source());
        Draft given = new Draft("f:1", null, "https://www.harbor.test/x", "Harbor Daily", "T", "(AP) - Body.", null, null);
        assertEquals("Harbor Daily", assembler.assemble(given, Instant.EPOCH, Problems.STRICT).source());
    }

    @Test
    void languageIsGuessedOrGiven() {
        assertEquals("en", LanguageGuesser.guess("The ministers said that the talks in Seoul were useful and that they would meet again."));
        assertEquals("ko", LanguageGuesser.guess("\ud55c\uad6d\uacfc \uc911\uad6d\uc758 \uc678\uad50\uc7a5\uad00\uc774 \ubca0\uc774\uc9d5\uc5d0\uc11c \ud68c\ub2f4\uc744 \uac00\uc84c\ub2e4. \uc591\uce21\uc740 \ud611\ub825\uc744 \uac15\ud654\ud558\uae30\ub85c \ud588\ub2e4."));
        assertEquals("zh", LanguageGuesser.guess("\u4e2d\u97e9\u5916\u957f\u5728\u5317\u4eac\u4e3e\u884c\u4f1a\u8c08\uff0c\u53cc\u65b9\u540c\u610f\u52a0\u5f3a\u5408\u4f5c\uff0c\u63a8\u52a8\u4e2d\u65e5\u97e9\u9886\u5bfc\u4eba\u4f1a\u8bae\u3002"));
        assertEquals("fr", LanguageGuesser.guess("Les ministres des affaires \u00e9trang\u00e8res se sont rencontr\u00e9s dans la capitale et ont parl\u00e9 de la s\u00e9curit\u00e9 et des \u00e9changes."));
        assertEquals("de", LanguageGuesser.guess("Die Minister sagten, dass die Gespr\u00e4che mit dem Nachbarn auf dem Gipfel nicht leicht sind und sich lohnen."));
        assertEquals("es", LanguageGuesser.guess("Los ministros dijeron que las conversaciones con el vecino por la paz son para una nueva etapa y se reunieron."));
        // Words longer than five letters are never stop words, even where their first letters spell one.
        assertNull(LanguageGuesser.guess("Thereupon andante offset tomorrow inward isthmus thatched without forward onward."));
        assertNull(LanguageGuesser.guess("OK"));
        Draft d = new Draft("f:1", null, null, null, "T", "Body text that is long enough to be English, and the rest of it.", null, null);
        assertEquals("de", new ArticleAssembler(1 << 20, "DE").assemble(d, Instant.EPOCH, Problems.STRICT).lang());
    }
}
