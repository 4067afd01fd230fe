package dev.newsmon.app.classify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalMetricsTest {
    @Test
    void tiesGetTheirAverageRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, EvalMetrics.ranks(new double[] {0.1, 0.5, 0.5, 0.9}));
    }

    @Test
    void spearmanIsOneForAnyMonotoneRelationAndMinusOneReversed() {
        double[] labels = {0, 1, 2, 3};
        assertEquals(1.0, EvalMetrics.spearman(new double[] {0.01, 0.2, 0.21, 0.99}, labels), 1e-12);
        assertEquals(-1.0, EvalMetrics.spearman(new double[] {0.9, 0.5, 0.4, 0.0}, labels), 1e-12);
        assertTrue(Double.isNaN(EvalMetrics.spearman(new double[] {0.3, 0.3, 0.3, 0.3}, labels)));
    }

    @Test
    void spearmanMatchesAHandWorkedExample() {
        // ranks x = 1,3,2,4 ; y = 1,2,3,4 ; d^2 = 0+1+1+0 = 2 ; rho = 1 - 6*2/(4*15) = 0.8
        assertEquals(0.8, EvalMetrics.spearman(new double[] {1, 3, 2, 4}, new double[] {10, 20, 30, 40}), 1e-12);
    }

    @Test
    void precisionRecallAndF1() {
        EvalMetrics.Counts c = new EvalMetrics.Counts();
        c.truePositives = 8;
        c.falsePositives = 2;
        c.falseNegatives = 4;
        assertEquals(0.8, c.precision(), 1e-12);
        assertEquals(8.0 / 12, c.recall(), 1e-12);
        assertEquals(2 * 0.8 * (8.0 / 12) / (0.8 + 8.0 / 12), c.f1(), 1e-12);
    }
}
