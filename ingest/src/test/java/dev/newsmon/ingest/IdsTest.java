package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.id.ArticleIds;
import dev.newsmon.ingest.id.CanonicalUrl;
import dev.newsmon.ingest.read.Draft;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void canonicalUrlDropsTrackingFragmentsCaseAndTrailingSlash() {
        String canonical = "https://example-news.test/world/story?id=7&page=2";
        for (String variant : List.of(
                "https://example-news.test/world/story?id=7&page=2",
                "HTTPS://WWW.Example-News.test/world/story/?page=2&id=7&utm_source=rss&utm_medium=feed",
                "http://example-news.test:80/world/story?fbclid=abc&id=7&page=2#comments",
                "https://example-news.test/world/story?id=7&gclid=x&page=2")) {
            assertEquals(canonical, CanonicalUrl.of(variant), variant);
        }
        assertNotEquals(CanonicalUrl.of("https://example-news.test/world/Story"),
                CanonicalUrl.of("https://example-news.test/world/story"), "paths are case-sensitive");
        assertNull(CanonicalUrl.of("ftp://example-news.test/x"));
        assertNull(CanonicalUrl.of("no url"));
    }

    @Test
    void idsAreSixteenHexDigitsAndStable() {
        ArticleIds ids = new ArticleIds();
        String a = ids.of("https://example-news.test/a?utm_source=x", "T", "B");
        assertTrue(a.matches("[0-9a-f]{16}"), a);
        assertEquals(a, new ArticleIds().of("http://www.example-news.test/a/", "Other title", "Other body"));
        // Fixed once: ids are on the wire and in ledgers, so the algorithm must never drift.
        assertEquals(a, ids.fromUrl("https://example-news.test/a"));
    }

    @Test
    void contentIdIgnoresCaseWhitespaceAndPunctuationButNotWords() {
        ArticleIds ids = new ArticleIds();
        String id = ids.fromContent("Envoys meet", "They met.\n\nThey talked.");
        assertEquals(id, ids.fromContent("ENVOYS  meet", "They met!  They  talked"));
        assertNotEquals(id, ids.fromContent("Envoys meet", "They met. They argued."));
        assertNotEquals(ids.fromContent("A", "B C"), ids.fromContent("A B", "C"));
    }

    @Test
    void contentIdMatchesTheDefinitionForAnyText() throws Exception {
        // Letters, digits, single and repeated separators, '?', Latin-1 and wider letters and marks, dotted
        // capital I, unpaired surrogates and pairs: every path of the normaliser, in texts longer than its buffer.
        String[] pieces = {"The", "ENVOYS", "met", "42", " ", "  ", ".", ", ", "\n\n", "\t", "?", "??", "caf\u00e9",
                "Stra\u00dfe", "\u00a0", "\u00ff", "\u0130", "\ud55c\uad6d", "\u2019", "\ud800", "\udc00", "x",
                "A1b2C3d4", "abcdefghij", "-", "\u0000", "\ud83d\ude00", "\ud835\udc00"};
        Random random = new Random(11);
        ArticleIds ids = new ArticleIds();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int k = 0; k < 400; k++) {
            StringBuilder title = new StringBuilder();
            StringBuilder body = new StringBuilder();
            int words = k % 10 < 2 ? 3000 : random.nextInt(300);
            // Half the texts leave out the two surrogate pairs at the end, which send a text down another path.
            int kinds = k % 2 == 0 ? pieces.length - 2 : pieces.length;
            for (int w = 0; w < words; w++) {
                // Mostly plain words and single spaces, as in real text, so long plain stretches occur too.
                String piece = random.nextInt(3) > 0 ? pieces[random.nextInt(4)] + " " : pieces[random.nextInt(kinds)];
                (w < 8 ? title : body).append(piece);
            }
            sha.reset();
            sha.update((byte) 'c');
            sha.update(normalised(title.toString()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(normalised(body.toString()).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : Arrays.copyOf(sha.digest(), 8)) {
                hex.append(String.format("%02x", b));
            }
            assertEquals(hex.toString(), ids.fromContent(title.toString(), body.toString()), "text " + k);
        }
    }

    /** The definition: lower-cased letters and digits, one space per run of anything else, none at the ends. */
    private static String normalised(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                sb.appendCodePoint(Character.toLowerCase(cp));
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
        });
        return sb.toString().strip();
    }

    @Test
    void reReadingTheSameFilesGivesTheSameIds() {
        for (String fixture : List.of("scraped-wire.txt", "scraped-blog.txt", "good.jsonl", "rss.xml", "atom.xml")) {
            List<String> first = ArticleFiles.read(Fixtures.path(fixture)).stream().map(Article::id)
                    .collect(Collectors.toList());
            List<String> second = ArticleFiles.read(Fixtures.path(fixture)).stream().map(Article::id)
                    .collect(Collectors.toList());
            assertEquals(first, second, fixture);
            assertEquals(first.size(), first.stream().distinct().count(), fixture);
        }
    }

    @Test
    void aRescrapeWithDifferentFurnitureKeepsTheId() {
        ArticleAssembler assembler = new ArticleAssembler(1 << 20, null);
        Article clean = assembler.assemble(Draft.scraped("a.txt", "Envoys meet\nThey met in Seoul.\nThey talked."),
                Instant.EPOCH, Problems.STRICT);
        Article noisy = assembler.assemble(Draft.scraped("b.txt",
                "Envoys meet\n[ad_1]\nThey met in Seoul.\nRead More: other story\nThey talked.\nLeave a Comment\n"),
                Instant.parse("2030-01-01T00:00:00Z"), Problems.STRICT);
        assertEquals(clean.id(), noisy.id());
    }

    @Test
    void urlBeatsSuppliedIdWhichBeatsContent() {
        ArticleAssembler assembler = new ArticleAssembler(1 << 20, null);
        Article withUrl = assembler.assemble(new Draft("f:1", "given-7", "https://x.test/s", null, "T", "Body.", null, null),
                Instant.EPOCH, Problems.STRICT);
        assertEquals(new ArticleIds().fromUrl("https://x.test/s"), withUrl.id());
        Article withId = assembler.assemble(new Draft("f:1", "given-7", null, null, "T", "Body.", null, null),
                Instant.EPOCH, Problems.STRICT);
        assertEquals("given-7", withId.id());
    }
}
