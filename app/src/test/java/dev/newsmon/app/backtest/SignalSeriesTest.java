package dev.newsmon.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsmon.common.ThemeSignal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalSeriesTest {

    static ThemeSignal signal(String subject, String end, int stories) {
        Instant e = Instant.parse(end);
        return new ThemeSignal(subject, e.minusSeconds(86_400), e, stories, 0.5, 0.1, -0.4, 0.2, 0.1, 0.1, 0.1,
                3.0, 0.0, 10);
    }

    @Test
    void keepsTheLatestSignalPerWindowEndInWindowOrder() {
        SignalSeries s = new SignalSeries();
        s.add(signal("taiwan", "2026-10-02T00:00:00Z", 1));
        s.add(signal("taiwan", "2026-10-01T00:00:00Z", 1));
        s.add(signal("taiwan", "2026-10-02T00:00:00Z", 2));
        s.add(signal("chips", "2026-10-01T00:00:00Z", 4));

        List<ThemeSignal> taiwan = s.of("taiwan");
        assertEquals(List.of(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-02T00:00:00Z")),
                taiwan.stream().map(ThemeSignal::windowEnd).toList());
        assertEquals(2, taiwan.get(1).stories());
        assertEquals(List.of(), s.of("north_korea"));
    }

    @Test
    void csvRowFollowsTheRecordFields() {
        assertEquals("subject,windowStart,windowEnd,stories,meanTension,meanCooperation,net,baselineTension,"
                + "baselineTensionStd,baselineCooperation,baselineCooperationStd,tensionZ,cooperationZ,"
                + "baselineStories", SignalCsv.header());
        assertEquals("taiwan,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,2,0.5,0.1,-0.4,0.2,0.1,0.1,0.1,3.0,0.0,10",
                SignalCsv.row(signal("taiwan", "2026-10-02T00:00:00Z", 2)));
        assertEquals("signals-dyad-china-to-south_korea.csv", SignalCsv.fileName("dyad:china>south_korea"));
    }

    @Test
    void summaryCountsAlertsPerThemeAndKind() {
        dev.newsmon.common.Alert spike = alert("taiwan", "TENSION_SPIKE");
        BacktestResult r = new BacktestResult(5, 4, 3, 1, 0, 1,
                List.of(spike, alert("taiwan", "BREAKING"), alert("chips", "SHIFT"), spike), new SignalSeries());
        assertEquals("5 articles, 4 classified (3 on a theme), 1 duplicate, 0 late, 1 dead letter, 4 alerts "
                + "(chips: SHIFT 1; taiwan: BREAKING 1, TENSION_SPIKE 2)", r.summary());
        assertEquals("1 article, 0 classified (0 on a theme), 0 duplicates, 0 late, 0 dead letters, 0 alerts",
                new BacktestResult(1, 0, 0, 0, 0, 0, List.of(), new SignalSeries()).summary());
    }

    static dev.newsmon.common.Alert alert(String theme, String kind) {
        Instant t = Instant.parse("2026-10-02T00:00:00Z");
        return new dev.newsmon.common.Alert(theme + "-" + kind, theme, kind, null, t, t, null, "X.", null, null, t);
    }
}
