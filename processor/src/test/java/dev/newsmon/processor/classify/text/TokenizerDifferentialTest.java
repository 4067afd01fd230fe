package dev.newsmon.processor.classify.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-at-a-time tokenizer must split, weigh and identify tokens exactly as the plain character-by-character
 * one ({@link ReferenceTokenizer}) does. Hashes differ between the two, so tokens are compared by identity:
 * two tokens share a hash in one tokenizer exactly when they share it in the other.
 */
class TokenizerDifferentialTest {
    private static final String[] PIECES = {"China", "china's", "Korea\u2019s", "US", "US$", "us", "U.S.", "N.", "Mr.",
            "allies", "taxes", "crosses", "churches", "chips", "chip", "1990s", "status", "bus", "series", "realization",
            "organizes", "Zhang", "zero-sum", "jazz", "Seúl", "S\u00e9oul\u2019s", "ÉCOLE", "\u212a", "\u0130stanbul",
            "don't", "students'", "'quoted'", "O'Brien", "rock'n'roll", "one-China", "Kim Jong-un", "DPRK", "self-reliance",
            "semiconductors", "internationalization", "abcdefgh", "abcdefghi", "abcdefghijklmnopq", "x", "ab", "abcd",
            "ies", "ses", "sses", "s", "'s", "\u2019s", "\u00a0", "\u2013", "\u2014", "\u201cQuote\u201d", "\u2026",
            " ", " ", " ", " ", "  ", "\n", "\n\n", "\r\n", ".", ". ", "! ", "? ", ", ", ";", ":", "(", ")", "\"", "$",
            "\t", "_", "-", "/", "z", "Z", "0", "42", "\u4e2d\u56fd", "\ud83d\ude00", "e\u0301", "\u0000"};

    @Test
    void agreesWithTheReferenceOnRandomText() {
        SplittableRandom random = new SplittableRandom(20261124);
        Identity ids = new Identity();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(1, 40);
            for (int k = 0; k < pieces; k++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String title = random.nextInt(4) == 0 ? null : PIECES[random.nextInt(PIECES.length)] + " Title";
            if (title != null && random.nextInt(3) == 0) {
                String after = random.nextBoolean() ? " \t" : random.nextBoolean() ? " and more" : ""; // or nearly
                sb.insert(0, " " + title + after + "\n"); // the headline repeated
            }
            compare(title, sb.toString(), ids);
        }
    }

    @Test
    void agreesWithTheReferenceOnTheCorpusAndItsCuts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String dir : List.of("samples/articles", "../samples/articles", "/work/shared/seeds")) {
            Path p = Path.of(dir);
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    for (Path f : files.sorted().toList()) {
                        texts.add(Files.readString(f));
                    }
                }
            }
        }
        assertTrue(texts.size() >= 60, "the sample corpus was not found");
        SplittableRandom random = new SplittableRandom(7);
        Identity ids = new Identity();
        for (String text : texts) {
            int nl = text.indexOf('\n');
            compare(nl < 0 ? text : text.substring(0, nl), nl < 0 ? "" : text.substring(nl + 1), ids);
            for (int k = 0; k < 50; k++) {
                int from = random.nextInt(text.length());
                int to = Math.min(text.length(), from + random.nextInt(1, 400));
                compare(null, text.substring(from, to), ids);
            }
        }
    }

    @Test
    void lexiconTermsAgreeToo() {
        Identity ids = new Identity();
        Tokenizer fast = new Tokenizer();
        ReferenceTokenizer reference = new ReferenceTokenizer();
        for (String term : PIECES) {
            long[] a = fast.terms(term);
            long[] b = reference.terms(term);
            assertEquals(b.length, a.length, term);
            for (int k = 0; k < a.length; k++) {
                ids.same(a[k], b[k], term);
            }
        }
    }

    private final Tokenizer fast = new Tokenizer();
    private final ReferenceTokenizer reference = new ReferenceTokenizer();
    private final Tokens a = new Tokens();
    private final Tokens b = new Tokens();

    private void compare(String title, String body, Identity ids) {
        fast.tokenize(title, body, a);
        reference.tokenize(title, body, b);
        String where = "title=" + title + " body=" + body;
        assertEquals(b.size, a.size, where);
        assertEquals(b.sentences, a.sentences, where);
        for (int k = 0; k < a.size; k++) {
            assertEquals(b.start[k], a.start[k], where);
            assertEquals(b.end[k], a.end[k], where);
            assertEquals(b.sentence[k], a.sentence[k], where);
            assertEquals(b.clause[k], a.clause[k], where);
            ids.same(a.hash[k], b.hash[k], where);
        }
        for (int k = 0; k < a.sentences; k++) {
            assertEquals(b.sentenceWeight[k], a.sentenceWeight[k], where);
        }
    }

    /** A one-to-one map between the two tokenizers' hashes. */
    private static final class Identity {
        private final Map<Long, Long> fastToReference = new HashMap<>();
        private final Map<Long, Long> referenceToFast = new HashMap<>();

        void same(long fast, long reference, String where) {
            assertEquals(reference, (long) fastToReference.computeIfAbsent(fast, k -> reference), where);
            assertEquals(fast, (long) referenceToFast.computeIfAbsent(reference, k -> fast), where);
        }
    }
}
