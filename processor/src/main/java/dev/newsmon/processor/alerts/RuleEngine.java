package dev.newsmon.processor.alerts;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Alert.AlertArticle;
import dev.newsmon.common.Severity;
import dev.newsmon.common.ThemeSignal;
import dev.newsmon.processor.signals.HourDetail;
import dev.newsmon.processor.signals.HourDetail.TopArticle;
import dev.newsmon.processor.signals.SignalSettings;
import dev.newsmon.processor.signals.Snapshot;
import dev.newsmon.processor.signals.SubjectEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Applies the rules file to one article's view of its theme, right when the article is processed, and decides
 * through hysteresis and cooldown whether an alert goes out. Pure: state comes and goes through {@link AlertStates}.
 */
public final class RuleEngine {
    private static final int TOP_ARTICLES = 3;
    private static final int TOP_CUES = 5;

    private final AlertRules rules;
    private final SignalSettings signals;

    public RuleEngine(AlertRules rules) {
        this.rules = rules;
        this.signals = rules.signals();
    }

    /**
     * @param detail the merged detail of the current window's buckets, read only when an alert is raised
     */
    public List<Alert> evaluate(SubjectEvent event, Snapshot snap, AlertStates states, Supplier<HourDetail> detail) {
        String theme = event.theme();
        ThemeSignal s = snap.signal();
        long end = s.windowEnd().toEpochMilli();
        Instant at = event.eventTime();
        List<Alert> out = new ArrayList<>();

        AlertRules.BreakingRule br = rules.breaking();
        boolean breaks = br.watches(theme) && event.tension() >= br.bar();
        if (gate(states, theme, AlertKind.BREAKING, breaks, br.severity(), s.meanTension() < br.rearm(), end,
                br.cooldown(), 0)) {
            Map<String, Double> m = metrics("tension", event.tension(), "bar", br.bar(),
                    "windowTension", s.meanTension(), "stories", s.stories());
            AlertArticle trigger = new AlertArticle(event.id(), event.title(), event.url(), round(event.tension()));
            List<AlertArticle> arts = new ArrayList<>(List.of(trigger));
            top(detail.get(), TopArticle::tension).stream().filter(a -> !a.id().equals(event.id()))
                    .limit(TOP_ARTICLES - 1).forEach(arts::add);
            out.add(alert(theme, AlertKind.BREAKING, br.severity(), s, m,
                    Explanations.breaking(theme, event.title(), event.tension(), br.bar()), arts,
                    event.tensionCues().entrySet().stream()
                            .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                                    .thenComparing(Map.Entry.comparingByKey()))
                            .limit(TOP_CUES).map(Map.Entry::getKey).toList(), at));
        }

        threshold(out, states, theme, AlertKind.TENSION_SPIKE, rules.tensionSpike(), s, "tension",
                s.meanTension(), s.tensionZ(), s.baselineTension(), s.baselineTensionStd(), detail,
                TopArticle::tension, true, at);
        threshold(out, states, theme, AlertKind.COOPERATION_SURGE, rules.cooperationSurge(), s, "cooperation",
                s.meanCooperation(), s.cooperationZ(), s.baselineCooperation(), s.baselineCooperationStd(), detail,
                TopArticle::cooperation, false, at);

        AlertRules.ShiftRule sr = rules.shift();
        double before = snap.previousPeriod().net();
        int sign = s.net() < 0 ? -1 : 1;
        boolean flips = snap.previousPeriod().stories() >= sr.minStories() && s.stories() >= sr.minStories()
                && Math.abs(before) >= sr.minNet() && Math.abs(s.net()) >= sr.minNet()
                && Math.signum(before) != Math.signum(s.net()) && sign != lastSign(states, theme);
        if (gate(states, theme, AlertKind.SHIFT, flips, sr.severity(), true, end, sr.cooldown(), sign)) {
            Map<String, Double> m = metrics("net", s.net(), "previousNet", round(before), "stories", s.stories(),
                    "previousStories", snap.previousPeriod().stories(), "minNet", sr.minNet(),
                    "lookbackHours", sr.lookback().toHours());
            boolean tense = sign < 0;
            out.add(alert(theme, AlertKind.SHIFT, sr.severity(), s, m,
                    Explanations.shift(theme, before, snap.previousPeriod().stories(), s.net(), s.stories(),
                            signals.windowLabel()),
                    top(detail.get(), tense ? TopArticle::tension : TopArticle::cooperation),
                    cues(detail.get(), tense), at));
        }

        AlertRules.ReawakeningRule rr = rules.reawakening();
        long quietBuckets = snap.lastBucketWithStories() == Snapshot.NONE ? -1
                : snap.bucket() - snap.lastBucketWithStories() - 1;
        long quietDays = quietBuckets < 0 ? 0 : quietBuckets / signals.bucketsPerDay();
        boolean wakes = snap.storiesInBucketBefore() == 0 && quietBuckets >= 0 && quietDays >= rr.quietDays();
        if (gate(states, theme, AlertKind.REAWAKENING, wakes, rr.severity(), true, end, rr.cooldown(), 0)) {
            Map<String, Double> m = metrics("quietDays", quietDays, "minQuietDays", rr.quietDays(),
                    "stories", s.stories());
            out.add(alert(theme, AlertKind.REAWAKENING, rr.severity(), s, m,
                    Explanations.reawakening(theme, quietDays, event.title()),
                    List.of(new AlertArticle(event.id(), event.title(), event.url(), round(event.relevance()))),
                    cues(detail.get(), event.tension() >= event.cooperation()), at));
        }
        return out;
    }

    private void threshold(List<Alert> out, AlertStates states, String theme, AlertKind kind,
                           AlertRules.ThresholdRule r, ThemeSignal s, String measure, double value, double z,
                           double baseline, double deviation, Supplier<HourDetail> detail,
                           ToDoubleFunction<TopArticle> score, boolean tension, Instant at) {
        boolean fires = s.stories() >= r.minStories() && value >= r.floor() && z >= r.k();
        Severity sev = z >= r.criticalZ() ? Severity.CRITICAL : Severity.WARNING;
        if (gate(states, theme, kind, fires, sev, z < r.rearmZ(), s.windowEnd().toEpochMilli(), r.cooldown(), 0)) {
            Map<String, Double> m = metrics(measure, value, "z", z, "baseline", baseline, "baselineStd", deviation,
                    "stories", s.stories(), "baselineStories", s.baselineStories(), "k", r.k(), "floor", r.floor());
            out.add(alert(theme, kind, sev, s, m,
                    Explanations.threshold(theme, measure, value, signals.windowLabel(), z, signals.baselineDays(),
                            baseline, s.stories()),
                    top(detail.get(), score), cues(detail.get(), tension), at));
        }
    }

    /**
     * Hysteresis and cooldown. A rule that fired stays quiet until {@code rearm} holds on a later article, unless
     * the severity escalates; even when armed it waits {@code cooldown} of event time after its last window.
     */
    static boolean gate(AlertStates states, String theme, AlertKind kind, boolean fires, Severity severity,
                        boolean rearm, long windowEnd, Duration cooldown, int sign) {
        String key = stateKey(theme, kind);
        AlertState st = states.get(key);
        if (st == null) {
            st = AlertState.FRESH;
        }
        if (rearm && !st.armed()) {
            st = st.rearmed();
            states.put(key, st);
        }
        if (!fires) {
            return false;
        }
        boolean escalated = st.lastSeverity() != null && severity.compareTo(st.lastSeverity()) > 0;
        if (!st.armed() && !escalated) {
            return false;
        }
        boolean cooling = st.lastWindowEnd() != null
                && Math.abs(windowEnd - st.lastWindowEnd()) < cooldown.toMillis();
        if (cooling && !escalated) {
            return false;
        }
        states.put(key, st.fired(severity, windowEnd, sign));
        return true;
    }

    private static int lastSign(AlertStates states, String theme) {
        AlertState st = states.get(stateKey(theme, AlertKind.SHIFT));
        return st == null ? 0 : st.lastSign();
    }

    public static String stateKey(String theme, AlertKind kind) {
        return theme + "|" + kind;
    }

    /** Same theme, kind, window and severity give the same id, so replays and retries can be dropped by id. */
    static String alertId(String theme, AlertKind kind, Instant windowEnd, Severity severity) {
        return theme + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + windowEnd + ":" + severity.wire();
    }

    private static Alert alert(String theme, AlertKind kind, Severity severity, ThemeSignal s, Map<String, Double> m,
                               String explanation, List<AlertArticle> articles, List<String> cues, Instant at) {
        return new Alert(alertId(theme, kind, s.windowEnd(), severity), theme, kind.name(), severity,
                s.windowStart(), s.windowEnd(), m, explanation, articles, cues, at);
    }

    private static List<AlertArticle> top(HourDetail d, ToDoubleFunction<TopArticle> score) {
        return d.articles().stream()
                .sorted(Comparator.comparingDouble(score).reversed().thenComparing(TopArticle::id))
                .limit(TOP_ARTICLES)
                .map(a -> new AlertArticle(a.id(), a.title(), a.url(), round(score.applyAsDouble(a))))
                .toList();
    }

    private static List<String> cues(HourDetail d, boolean tension) {
        Map<String, Double> c = tension ? d.tensionCues() : d.cooperationCues();
        return c.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_CUES).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Double> metrics(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], round(((Number) kv[i + 1]).doubleValue()));
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
