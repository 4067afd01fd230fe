package dev.newsmon.processor.signals;

import dev.newsmon.common.ThemeSignal;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;

/** Pure window arithmetic: from hop-sized buckets to the current window, its baseline and z-scores. */
public final class SignalMath {
    private SignalMath() {
    }

    /** First bucket the subject's state must still hold for an article in {@code bucket}. */
    public static long oldestNeeded(SignalSettings s, long bucket) {
        // The SHIFT lookback is validated to fit in the baseline, so the baseline bounds it.
        return bucket - s.bucketsPerWindow() + 1 - (long) s.baselineDays() * s.bucketsPerDay() - s.bucketsPerWindow();
    }

    /**
     * @param now     the bucket of stream time: the current window ends with it, so a record that arrives a little
     *                out of order lands in the same window it would have in order
     * @param bucket  the triggering article's own bucket, at most {@code now}
     * @param buckets the subject's buckets from {@link #oldestNeeded} to {@code now}, already including the
     *                triggering article; missing keys are empty buckets
     * @param storiesInBucketBefore stories in {@code bucket} before the triggering article was added
     * @param previousStories how many stories before the window make up "before" for a balance flip; they are
     *                        collected bucket by bucket backwards, at most {@code previousBuckets} far
     */
    public static Snapshot snapshot(String subject, SignalSettings s, long now, long bucket,
                                    NavigableMap<Long, HourStats> buckets, int storiesInBucketBefore,
                                    int previousStories, long previousBuckets) {
        long perWindow = s.bucketsPerWindow();
        long perDay = s.bucketsPerDay();
        long first = now - perWindow + 1;

        HourStats current = sum(buckets, first, now);
        HourStats previous = HourStats.EMPTY;
        for (HourStats h : buckets.subMap(first - previousBuckets, true, first - 1, true).descendingMap().values()) {
            if (previous.stories() >= previousStories) {
                break;
            }
            previous = previous.plus(h);
        }

        // Baseline: one value per whole day before the window; only days with stories say anything about tone.
        double[] dayTension = new double[s.baselineDays()];
        double[] dayCooperation = new double[s.baselineDays()];
        int activeDays = 0;
        int baselineStories = 0;
        for (int day = 1; day <= s.baselineDays(); day++) {
            long to = first - (day - 1) * perDay - 1;
            HourStats d = sum(buckets, to - perDay + 1, to);
            baselineStories += d.stories();
            if (d.stories() > 0) {
                dayTension[activeDays] = d.meanTension();
                dayCooperation[activeDays] = d.meanCooperation();
                activeDays++;
            }
        }
        double[] t = meanAndDeviation(dayTension, activeDays, s.minDeviation());
        double[] c = meanAndDeviation(dayCooperation, activeDays, s.minDeviation());

        long end = (now + 1) * s.hopMs();
        ThemeSignal signal = new ThemeSignal(subject,
                Instant.ofEpochMilli(end - s.window().toMillis()), Instant.ofEpochMilli(end),
                current.stories(), round(current.meanTension()), round(current.meanCooperation()),
                round(current.net()),
                round(t[0]), round(t[1]), round(c[0]), round(c[1]),
                round((current.meanTension() - t[0]) / t[1]),
                round((current.meanCooperation() - c[0]) / c[1]),
                baselineStories);

        long last = Snapshot.NONE;
        for (Map.Entry<Long, HourStats> e : buckets.headMap(bucket, false).descendingMap().entrySet()) {
            if (e.getValue().stories() > 0) {
                last = e.getKey();
                break;
            }
        }
        return new Snapshot(signal, bucket, previous, last, storiesInBucketBefore);
    }

    static HourStats sum(NavigableMap<Long, HourStats> buckets, long from, long to) {
        HourStats total = HourStats.EMPTY;
        for (HourStats h : buckets.subMap(from, true, to, true).values()) {
            total = total.plus(h);
        }
        return total;
    }

    /**
     * Mean and population deviation of the first {@code n} values. A quiet baseline (no active day) counts as 0;
     * the deviation never drops below {@code minDeviation}, so one steady day cannot make every story a spike.
     */
    static double[] meanAndDeviation(double[] values, int n, double minDeviation) {
        if (n == 0) {
            return new double[] {0, minDeviation};
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += values[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (values[i] - mean) * (values[i] - mean);
        }
        return new double[] {mean, Math.max(Math.sqrt(var / n), minDeviation)};
    }

    /** Four decimals: stable JSON, and the same series from the API and the backtest CSV. */
    static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
