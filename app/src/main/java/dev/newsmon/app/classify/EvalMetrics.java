package dev.newsmon.app.classify;

import java.util.Arrays;

/** Precision/recall/F1 counts and Spearman's rank correlation, for {@code newsmon eval}. */
final class EvalMetrics {
    private EvalMetrics() {
    }

    /** Counts for one theme. */
    static final class Counts {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            int d = truePositives + falsePositives;
            return d == 0 ? (falseNegatives == 0 ? 1 : 0) : (double) truePositives / d;
        }

        double recall() {
            int d = truePositives + falseNegatives;
            return d == 0 ? (falsePositives == 0 ? 1 : 0) : (double) truePositives / d;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Spearman's rho: Pearson correlation of the ranks, ties given their average rank. NaN if a side is constant. */
    static double spearman(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            return Double.NaN;
        }
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
