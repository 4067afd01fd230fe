package dev.newsmon.processor.classify;

import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.ClassifiedArticle.Dyad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorsTest {
    private static final Classifier CLASSIFIER = new Classifier(Themes.loadDefault());

    private static ClassifiedArticle classify(String body) {
        return CLASSIFIER.classify(Articles.of("", body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Beijing said so.|china",
            "Xi Jinping spoke.|china",
            "Wang Yi arrived.|china",
            "Seoul replied.|south_korea",
            "S. Korea replied.|south_korea",
            "The ROK navy sailed.|south_korea",
            "President Yoon left.|south_korea",
            "Pyongyang fired.|north_korea",
            "The DPRK said.|north_korea",
            "Kim Jong-un watched.|north_korea",
            "Kim Jong Un watched.|north_korea",
            "N. Korea fired.|north_korea",
            "The U.S. said.|us",
            "The US said.|us",
            "Washington said.|us",
            "Tokyo said.|japan",
            "Taipei said.|taiwan",
            "Moscow said.|russia"})
    void aliasesResolveToCanonicalIds(String body, String id) {
        assertEquals(List.of(id), classify(body).actors());
    }

    @Test
    void lookalikesAreNotActors() {
        assertEquals(List.of(), classify("Ships crossed the South China Sea. Tell us more about it.").actors());
        assertFalse(classify("The price was US$300.").actors().contains("us"));
    }

    @Test
    void dyadRunsFromTheFirstNamedActorToTheOthers() {
        ClassifiedArticle a = classify("Beijing warned Seoul against joining the chip alliance.");
        Dyad d = dyad(a, "china", "south_korea");
        assertNotNull(d, a.dyads().toString());
        assertTrue(d.tension() > 0);
        assertEquals(null, dyad(a, "south_korea", "china"));

        ClassifiedArticle b = classify("Seoul warned Beijing against economic coercion.");
        assertNotNull(dyad(b, "south_korea", "china"));
        assertEquals(null, dyad(b, "china", "south_korea"));
    }

    @Test
    void eachDyadKeepsItsOwnScores() {
        ClassifiedArticle a = classify("Tokyo and Seoul pledged closer cooperation. "
                + "Beijing condemned Washington over the sanctions.");
        assertEquals(0.0, dyad(a, "japan", "south_korea").tension());
        assertTrue(dyad(a, "japan", "south_korea").cooperation() > 0);
        assertTrue(dyad(a, "china", "us").tension() > 0);
        assertEquals(0.0, dyad(a, "china", "us").cooperation());
    }

    private static Dyad dyad(ClassifiedArticle a, String from, String to) {
        return a.dyads().stream().filter(d -> d.from().equals(from) && d.to().equals(to)).findFirst().orElse(null);
    }
}
