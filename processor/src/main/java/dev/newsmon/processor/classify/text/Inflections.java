package dev.newsmon.processor.classify.text;

import java.util.List;

/** Expands a lexicon verb written with a trailing '+' ("warn+") into its inflected forms, once at load time. */
public final class Inflections {
    private Inflections() {
    }

    public static List<String> expand(String term) {
        String t = term.strip();
        if (!t.endsWith("+")) {
            return List.of(t);
        }
        String base = t.substring(0, t.length() - 1).strip();
        int sp = base.indexOf(' ');
        String verb = sp < 0 ? base : base.substring(0, sp);
        String rest = sp < 0 ? "" : base.substring(sp);
        String past;
        String ing;
        if (verb.endsWith("e")) {
            past = verb + "d";
            ing = verb.substring(0, verb.length() - 1) + "ing";
        } else if (verb.endsWith("y") && verb.length() > 2 && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
            past = verb.substring(0, verb.length() - 1) + "ied";
            ing = verb + "ing";
        } else {
            past = verb + "ed";
            ing = verb + "ing";
        }
        // Plural "-s" needs no form of its own: the tokenizer strips it from text and lexicon alike.
        return List.of(verb + rest, past + rest, ing + rest);
    }
}
