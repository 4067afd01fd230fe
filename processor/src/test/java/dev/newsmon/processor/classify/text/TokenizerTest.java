package dev.newsmon.processor.classify.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TokenizerTest {
    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void variantsFoldToTheSameTokens() {
        assertArrayEquals(tokenizer.terms("one China"), tokenizer.terms("One-China"));
        assertArrayEquals(tokenizer.terms("Kim Jong Un"), tokenizer.terms("Kim Jong-un"));
        assertArrayEquals(tokenizer.terms("chip"), tokenizer.terms("Chips"));
        assertArrayEquals(tokenizer.terms("ally"), tokenizer.terms("allies"));
        assertArrayEquals(tokenizer.terms("China"), tokenizer.terms("China's"));
        assertArrayEquals(tokenizer.terms("China"), tokenizer.terms("China\u2019s"));
        assertArrayEquals(tokenizer.terms("denuclearisation"), tokenizer.terms("denuclearization"));
        assertArrayEquals(tokenizer.terms("crisis"), tokenizer.terms("Crisis"));
    }

    @Test
    void capitalUsIsTheCountryButLowercaseUsIsAPronoun() {
        assertArrayEquals(tokenizer.terms("USA"), tokenizer.terms("US"));
        assertNotEquals(tokenizer.terms("US")[0], tokenizer.terms("us")[0]);
    }

    @Test
    void sentencesSplitAtFullStopsButNotAfterInitials() {
        Tokens t = new Tokens();
        tokenizer.tokenize("", "N. Korea fired. The U.S. Navy watched. Mr. Kim left!", t);
        // sentence 0 is the (empty) title; the body has three sentences
        assertEquals(4, t.sentences);
        assertEquals(1, t.sentence[0]);
        assertEquals(3, t.sentence[t.size - 1]);
    }

    @Test
    void repeatedCaptionsCountOnceAndCaptionsHalf() {
        Tokens t = new Tokens();
        tokenizer.tokenize("Title", "A full sentence here.\nRelated story headline\nRelated story headline\nEnd.", t);
        assertEquals(1f, t.sentenceWeight[1]);
        assertEquals(Tokenizer.CAPTION_WEIGHT, t.sentenceWeight[2]);
        assertEquals(0f, t.sentenceWeight[3]);
        assertEquals(Tokenizer.TITLE_WEIGHT, t.sentenceWeight[0]);
    }

    @Test
    void headlineRepeatedAsFirstBodyLineCountsOnce() {
        Tokens t = new Tokens();
        tokenizer.tokenize("Seoul and Beijing talk", "Seoul and Beijing talk\n\nThey met on Monday.", t);
        assertEquals(0f, t.sentenceWeight[1]);
        assertEquals(1f, t.sentenceWeight[2]);
    }

    @Test
    void offsetsPointIntoTheBody() {
        Tokens t = new Tokens();
        String body = "Seoul, Beijing.";
        tokenizer.tokenize(null, body, t);
        assertEquals("Beijing", body.substring(t.start[1], t.end[1]));
    }
}
