package dev.newsmon.processor.classify;

import dev.newsmon.common.ClassifiedArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeHardNegativesTest {
    private static final Classifier CLASSIFIER = new Classifier(Themes.loadDefault());

    private static List<String> themes(String title, String body) {
        return CLASSIFIER.classify(Articles.of(title, body)).themes().stream()
                .map(ClassifiedArticle.ThemeMatch::theme).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A Busan snack maker said sales of its potato chips to China doubled. The chips sell well in Shanghai and Samsung employees love them.",
            "The bakery's chocolate chip cookies drew queues. Each chip is made from Belgian chocolate, the owner said.",
            "The union treated the shipyard contract as a bargaining chip. Management called the chip a distraction before the export season.",
            "Blue-chip shares led the Kospi higher. Investors bought blue chips as exports rose.",
            "The golfer holed a chip shot from the fringe. Her chip on the 18th hole sealed the title.",
            "Visitors from China exchanged cash for casino chips at the Jeju resort. Each chip is worth 10,000 won."})
    void chipsHardNegatives(String body) {
        assertFalse(themes("Weekend news", body).contains("chips"), body);
    }

    @Test
    void chipsNeedsAStrongTermOrContextForTheWordChip() {
        assertTrue(themes("Samsung ships new memory chips to Chinese phone makers",
                "Samsung Electronics said chip exports to China rose 12 percent. The chipmaker expects demand for "
                        + "its high-bandwidth memory to stay strong.").contains("chips"));
        assertFalse(themes("A chip off the old block", "The chip in the vase was barely visible.").contains("chips"));
    }

    @Test
    void passingTaiwaneseChipmakerIsNotATaiwanStory() {
        List<String> got = themes("Samsung and TSMC race for AI chip orders",
                "Samsung Electronics is competing with TSMC, the Taiwanese chipmaker, for orders of advanced AI chips. "
                        + "Analysts said the semiconductor cycle favours memory makers this year.");
        assertTrue(got.contains("chips"), got.toString());
        assertFalse(got.contains("taiwan"), got.toString());
    }

    @Test
    void taiwanAsAPoliticalIssueIsATaiwanStory() {
        assertTrue(themes("Beijing warns Seoul over Taiwan remarks",
                "China urged South Korea to abide by the one-China principle. Beijing said the Taiwan question is "
                        + "purely an internal affair.").contains("taiwan"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A Taiwanese bubble tea chain opened its first flagship store in Seoul. Taiwan-style milk tea sold out on day one.",
            "Taiwan Semiconductor Manufacturing Co reported record profit. The Taiwan dollar weakened slightly."})
    void taiwanHardNegatives(String body) {
        assertFalse(themes("Business briefs", body).contains("taiwan"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Restaurants serving Pyongyang-style cold noodles drew long queues. The Pyongyang naengmyeon broth is served chilled.",
            "A film festival screened comedies about North Korea. The North Korean characters in the films charmed audiences."})
    void northKoreaHardNegatives(String body) {
        assertFalse(themes("Culture", body).contains("north_korea"), body);
    }

    @Test
    void northKoreaOnMissilesIsANorthKoreaStory() {
        assertTrue(themes("N. Korea fires ballistic missile",
                "North Korea launched a ballistic missile on Tuesday, Seoul's military said. Beijing urged Pyongyang "
                        + "and Washington to return to denuclearization talks.").contains("north_korea"));
    }

    @Test
    void chinaJapanSouthKoreaSummitIsTrilateralButUsJapanKoreaIsNot() {
        assertTrue(themes("Leaders of China, Japan and South Korea to meet",
                "China, Japan and South Korea agreed to hold a trilateral summit in Tokyo next month. The three "
                        + "countries will also discuss a free trade agreement.").contains("trilateral_summit"));
        assertFalse(themes("US, Japan and South Korea hold Camp David summit",
                "The US, Japan and South Korea held a trilateral summit at Camp David on Friday. The leaders "
                        + "pledged to deepen security cooperation against North Korea.").contains("trilateral_summit"));
        assertFalse(themes("Mayors meet at climate summit",
                "Mayors from China, Japan and South Korea attended a climate summit in Daegu.")
                .contains("trilateral_summit"));
    }

    @Test
    void unrelatedNewsHasNoTheme() {
        assertEquals(List.of(), themes("Cold snap grips Seoul", "Temperatures fell below zero in Seoul on Monday, "
                + "the weather agency said. Snow is expected in the mountains."));
    }
}
