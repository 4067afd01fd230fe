package dev.newsmon.processor.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsmon.common.ThemeSignal;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SignalMathTest {
    private final SignalSettings s = SignalSettings.defaults();
    private final long now = Instant.parse("2026-10-20T10:30:00Z").toEpochMilli() / s.hopMs();

    @Test
    void currentWindowIsTheDayEndingWithTheArticlesHour() {
        NavigableMap<Long, HourStats> b = new TreeMap<>();
        b.put(now, new HourStats(2, 1.2, 0.2));
        b.put(now - 23, new HourStats(1, 0.3, 0.1));
        b.put(now - 24, new HourStats(5, 5, 5)); // just outside: first hour of the previous window

        ThemeSignal sig = SignalMath.snapshot("taiwan", s, now, now, b, 1, 2, 24).signal();

        assertEquals(Instant.parse("2026-10-19T11:00:00Z"), sig.windowStart());
        assertEquals(Instant.parse("2026-10-20T11:00:00Z"), sig.windowEnd());
        assertEquals(3, sig.stories());
        assertEquals(0.5, sig.meanTension(), 1e-9);
        assertEquals(0.1, sig.meanCooperation(), 1e-9);
        assertEquals(-0.4, sig.net(), 1e-9);
        assertEquals(5, sig.baselineStories());
    }

    @Test
    void baselineIsMeanAndDeviationOfDailyMeansOverActiveDays() {
        NavigableMap<Long, HourStats> b = new TreeMap<>();
        long first = now - 23;
        b.put(first - 1, new HourStats(2, 0.4, 0));          // day 1 before the window: mean 0.2
        b.put(first - 24 - 5, new HourStats(1, 0.4, 0));     // day 2: mean 0.4
        b.put(first - 14 * 24, new HourStats(1, 0.9, 0));    // day 14: mean 0.9
        b.put(first - 14 * 24 - 1, new HourStats(9, 9, 9)); // day 15: outside the baseline
        b.put(now, new HourStats(1, 0.9, 0));

        ThemeSignal sig = SignalMath.snapshot("taiwan", s, now, now, b, 0, 2, 24).signal();

        double mean = (0.2 + 0.4 + 0.9) / 3;
        double sd = Math.sqrt(((0.2 - mean) * (0.2 - mean) + (0.4 - mean) * (0.4 - mean)
                + (0.9 - mean) * (0.9 - mean)) / 3);
        assertEquals(mean, sig.baselineTension(), 1e-4);
        assertEquals(sd, sig.baselineTensionStd(), 1e-4);
        assertEquals((0.9 - mean) / sd, sig.tensionZ(), 1e-3);
        assertEquals(4, sig.baselineStories());
    }

    @Test
    void quietBaselineCountsAsZeroWithTheMinimumDeviation() {
        NavigableMap<Long, HourStats> b = new TreeMap<>();
        b.put(now, new HourStats(3, 1.8, 0.3));

        ThemeSignal sig = SignalMath.snapshot("chips", s, now, now, b, 2, 2, 24).signal();

        assertEquals(0, sig.baselineTension());
        assertEquals(0.1, sig.baselineTensionStd());
        assertEquals(6.0, sig.tensionZ(), 1e-9);
        assertEquals(1.0, sig.cooperationZ(), 1e-9);
    }

    @Test
    void snapshotFindsPreviousWindowAndLastActiveBucket() {
        NavigableMap<Long, HourStats> b = new TreeMap<>();
        b.put(now - 30, new HourStats(2, 0.2, 1.0));
        b.put(now - 100, new HourStats(1, 0.1, 0.1));
        b.put(now, new HourStats(1, 0.5, 0));

        Snapshot snap = SignalMath.snapshot("chips", s, now, now, b, 0, 2, 24);

        assertEquals(2, snap.previousPeriod().stories());
        assertEquals(0.4, snap.previousPeriod().net(), 1e-9);
        Snapshot further = SignalMath.snapshot("chips", s, now, now, b, 0, 3, 24 * 7);
        assertEquals(3, further.previousPeriod().stories(), "walks back until it has enough stories");
        assertEquals(1.1 / 3, further.previousPeriod().meanCooperation(), 1e-9);
        assertEquals(now - 30, snap.lastBucketWithStories());
    }

    @Test
    void aLateArticleIsSeenInTheWindowOfStreamTime() {
        NavigableMap<Long, HourStats> b = new TreeMap<>();
        b.put(now, new HourStats(1, 0.5, 0));
        b.put(now - 3, new HourStats(1, 0.3, 0)); // the late one

        Snapshot snap = SignalMath.snapshot("chips", s, now, now - 3, b, 0, 2, 24);

        assertEquals(Instant.parse("2026-10-20T11:00:00Z"), snap.signal().windowEnd());
        assertEquals(2, snap.signal().stories());
        assertEquals(Snapshot.NONE, snap.lastBucketWithStories(), "nothing before the late article's own bucket");
    }
}
