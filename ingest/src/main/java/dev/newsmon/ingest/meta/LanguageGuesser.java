package dev.newsmon.ingest.meta;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cheap language guess: the dominant script decides for Korean, Japanese, Chinese, Russian and Arabic;
 * stop-word counts decide among Latin-script languages. Null when the text gives too little to go on.
 */
public final class LanguageGuesser {
    private static final int SAMPLE = 1000;
    /** Stop words are frequent; a few sentences decide among Latin-script languages. */
    private static final int WORD_SAMPLE = 600;

    /** In order of preference on a tie (Map.of would iterate in a different order each run). */
    private static final List<Map.Entry<String, Set<String>>> STOP_WORDS = List.of(
            Map.entry("en", Set.of("the", "and", "of", "to", "in", "is", "that", "with", "for", "on", "was", "said")),
            Map.entry("fr", Set.of("le", "la", "les", "et", "des", "est", "une", "que", "dans", "pour", "du", "sur")),
            Map.entry("de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "auf", "dem")),
            Map.entry("es", Set.of("el", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "se")));

    /** Each stop word with a bit per language in {@link #STOP_WORDS} that lists it: one lookup per word. */
    private static final Map<String, Integer> LANGS_OF_WORD = new java.util.HashMap<>();

    static {
        for (int k = 0; k < STOP_WORDS.size(); k++) {
            for (String w : STOP_WORDS.get(k).getValue()) {
                LANGS_OF_WORD.merge(w, 1 << k, (a, b) -> a | b);
            }
        }
    }

    /**
     * The keys of {@link #LANGS_OF_WORD} packed as in {@link #byStopWords} (never 0), in an open-addressing
     * table: one multiply and usually one probe per word, where a binary search cost a mispredicted branch per step.
     */
    private static final int TABLE_BITS = 8;
    private static final int[] TABLE_WORDS = new int[1 << TABLE_BITS];
    private static final int[] TABLE_LANGS = new int[1 << TABLE_BITS];

    static {
        LANGS_OF_WORD.forEach((w, langs) -> {
            int key = 0;
            for (int i = 0; i < w.length(); i++) {
                key = key << 5 | w.charAt(i) - 'a' + 1;
            }
            int at = slot(key);
            while (TABLE_WORDS[at] != 0) {
                at = at + 1 & TABLE_WORDS.length - 1;
            }
            TABLE_WORDS[at] = key;
            TABLE_LANGS[at] = langs;
        });
    }

    private static int slot(int packedWord) {
        return packedWord * 0x9E3779B1 >>> 32 - TABLE_BITS;
    }

    private static int langsOf(int packedWord) {
        for (int at = slot(packedWord); ; at = at + 1 & TABLE_WORDS.length - 1) {
            int w = TABLE_WORDS[at];
            if (w == packedWord) {
                return TABLE_LANGS[at];
            }
            if (w == 0) {
                return 0;
            }
        }
    }

    private LanguageGuesser() {
    }

    public static String guess(String text) {
        int n = Math.min(text.length(), SAMPLE);
        // One bulk copy, then plain array loops: cheaper than charAt's checks on every character.
        char[] cs = new char[n];
        text.getChars(0, n, cs, 0);
        int latin = 0, hangul = 0, kana = 0, han = 0, cyrillic = 0, arabic = 0;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                // Branch-free "is a-z or A-Z": spaces and punctuation come too often to predict.
                int d = (c | 0x20) - 'a';
                latin += (d >>> 31 ^ 1) & (d - 26) >>> 31;
            } else if (c >= 0xAC00 && c <= 0xD7AF || c >= 0x1100 && c <= 0x11FF) {
                hangul++;
            } else if (c >= 0x3040 && c <= 0x30FF) {
                kana++;
            } else if (c >= 0x4E00 && c <= 0x9FFF) {
                han++;
            } else if (c >= 0x0400 && c <= 0x04FF) {
                cyrillic++;
            } else if (c >= 0x0600 && c <= 0x06FF) {
                arabic++;
            } else if (Character.isLetter(c)) {
                latin++;
            }
        }
        int letters = latin + hangul + kana + han + cyrillic + arabic;
        if (letters < 20) {
            return null;
        }
        if (hangul * 4 > letters) {
            return "ko";
        }
        if (kana * 10 > letters) {
            return "ja";
        }
        if ((han + kana) * 3 > letters) {
            return "zh";
        }
        if (cyrillic * 2 > letters) {
            return "ru";
        }
        if (arabic * 2 > letters) {
            return "ar";
        }
        return byStopWords(cs, Math.min(n, WORD_SAMPLE));
    }

    /**
     * Counts stop words without splitting the sample: only words of up to five letters can be one, and an
     * ASCII word is looked up by its letters packed into an int, so the common case allocates nothing.
     */
    private static String byStopWords(char[] sample, int n) {
        int[] counts = new int[STOP_WORDS.size()];
        int start = 0;
        int key = 0;
        boolean ascii = true;
        // One pass; position n acts as a final separator so the last word is counted too.
        for (int i = 0; i <= n; i++) {
            char c = i < n ? sample[i] : ' ';
            if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                ascii &= c < 0x80;
                key = key << 5 | (c | 0x20) - 'a' + 1;
                continue;
            }
            int length = i - start;
            if (length > 0 && length <= 5) {
                int langs = ascii ? langsOf(key)
                        : LANGS_OF_WORD.getOrDefault(new String(sample, start, length).toLowerCase(Locale.ROOT), 0);
                for (int k = 0; k < counts.length; k++) {
                    if ((langs & 1 << k) != 0) {
                        counts[k]++;
                    }
                }
            }
            start = i + 1;
            key = 0;
            ascii = true;
        }
        String best = null;
        int bestCount = 2;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > bestCount) {
                best = STOP_WORDS.get(k).getKey();
                bestCount = counts[k];
            }
        }
        return best;
    }
}
