package dev.newsmon.processor.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinHashTest {
    static final String WIRE = "North Korea fired an intercontinental ballistic missile into the East Sea early on "
            + "Sunday, the Joint Chiefs of Staff said, the first such launch in eleven months. The missile flew for "
            + "about seventy minutes before falling outside Japan's exclusive economic zone, officials in Tokyo said. "
            + "South Korea's national security adviser convened an emergency meeting and the foreign ministry urged "
            + "Beijing to play a constructive role in restraining Pyongyang.";

    @Test
    void aReEditedCopyWithOtherBoilerplateIsSimilar() {
        String copy = "SEOUL (Wire) -- " + WIRE.replace("early on Sunday", "on Sunday morning")
                .replace("officials in Tokyo said", "according to Tokyo") + " Read more: our North Korea coverage.";
        double sim = MinHash.similarity(MinHash.signature(WIRE), MinHash.signature(copy));
        assertTrue(sim >= BandProcessor.THRESHOLD, "copy similarity " + sim);
    }

    @Test
    void differentStoriesOnTheSameTopicAreNot() {
        String other = "China and South Korea agreed to resume working-level talks on the peninsula, the foreign "
                + "ministry in Seoul said on Monday, after a call between the two foreign ministers. Beijing said it "
                + "was ready to play a constructive role and urged all sides to exercise restraint.";
        double sim = MinHash.similarity(MinHash.signature(WIRE), MinHash.signature(other));
        assertTrue(sim < 0.2, "distinct similarity " + sim);
    }

    @Test
    void signaturesAndBandsAreDeterministic() {
        long[] a = MinHash.signature(WIRE);
        assertEquals(1.0, MinHash.similarity(a, MinHash.signature(WIRE)));
        assertEquals(MinHash.bandKey(a, 3), MinHash.bandKey(MinHash.signature(WIRE), 3));
        assertNotEquals(MinHash.bandKey(a, 3), MinHash.bandKey(a, 4));
        assertTrue(MinHash.bandKey(a, 11).startsWith("11:"));
    }
}
