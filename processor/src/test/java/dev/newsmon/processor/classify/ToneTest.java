package dev.newsmon.processor.classify;

import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.ClassifiedArticle.Cue;
import dev.newsmon.common.ClassifiedArticle.Polarity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToneTest {
    private static final Classifier CLASSIFIER = new Classifier(Themes.loadDefault());

    private static ClassifiedArticle classify(String body) {
        return CLASSIFIER.classify(Articles.of("", body));
    }

    private static Cue cue(ClassifiedArticle a, String term) {
        return a.cues().stream().filter(c -> c.cue().equals(term)).findFirst().orElse(null);
    }

    @Test
    void negationFlipsACueToTheOtherPolarityAtHalfWeight() {
        Cue plain = cue(classify("Officials said there is worry in Seoul."), "worry");
        Cue negated = cue(classify("Officials said there is no need to worry in Seoul."), "worry");
        assertEquals(Polarity.tension, plain.polarity());
        assertEquals(Polarity.cooperation, negated.polarity());
        assertEquals("negated", negated.modifier());
        assertEquals(plain.weight() / 2, negated.weight(), 1e-9);
    }

    @Test
    void notInFavourOfZeroSumIsNotTension() {
        ClassifiedArticle a = classify("The minister said Seoul is not in favour of a zero-sum approach.");
        Cue c = cue(a, "zero-sum");
        assertNotNull(c);
        assertEquals(Polarity.cooperation, c.polarity());
        assertEquals(0.0, a.tension());
    }

    @Test
    void negationDoesNotReachAcrossAClause() {
        Cue c = cue(classify("It was not the first time, and Beijing condemned the move."), "condemn");
        assertEquals(Polarity.tension, c.polarity());
        assertEquals(null, c.modifier());
    }

    @Test
    void neutralPhrasesSwallowLookalikeCuesAndNegators() {
        ClassifiedArticle a = classify("The restaurant was founded by refugees from the Korean War.");
        assertEquals(0.0, a.tension(), a.cues().toString());
        Cue c = cue(classify("The deal will not only deepen trust but also cooperation."), "deepen");
        assertEquals(Polarity.cooperation, c.polarity());
        assertEquals(null, c.modifier());
    }

    @Test
    void reportedThreatWithIntensifierCountsAsStrongTension() {
        ClassifiedArticle a = classify("The ambassador warned that Seoul would definitely regret it if it sided against Beijing.");
        Cue regret = cue(a, "definitely regret");
        assertNotNull(regret, a.cues().toString());
        assertEquals(Polarity.tension, regret.polarity());
        assertTrue(a.tension() > 0.4, "tension " + a.tension());
    }

    @Test
    void hedgesLowerAndIntensifiersRaiseTheWeight() {
        Cue plain = cue(classify("Beijing will retaliate against the curbs."), "retaliate");
        Cue hedged = cue(classify("Beijing might retaliate against the curbs."), "retaliate");
        Cue strong = cue(classify("Beijing will strongly retaliate against the curbs."), "retaliate");
        assertEquals("hedged", hedged.modifier());
        assertEquals("intensified", strong.modifier());
        assertTrue(hedged.weight() < plain.weight() && plain.weight() < strong.weight());
    }

    @Test
    void cooperativeStoryScoresCooperationAboveTension() {
        ClassifiedArticle a = classify("The two foreign ministers pledged to deepen cooperation and agreed to resume "
                + "high-level dialogue. Both sides said they would meet each other halfway.");
        assertTrue(a.cooperation() > 0.5 && a.tension() < 0.1, a.cooperation() + " / " + a.tension());
        assertEquals(Polarity.cooperation, cue(a, "meet each other halfway").polarity());
    }

    @Test
    void scoresStayWithinZeroAndOne() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append("Beijing condemned the provocation and threatened retaliation. ");
        }
        ClassifiedArticle a = classify(b.toString());
        assertTrue(a.tension() <= 1.0 && a.tension() > 0.9);
        a.cues().forEach(c -> assertTrue(c.weight() >= 0 && c.weight() <= 1, c.toString()));
    }
}
