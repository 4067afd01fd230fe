package dev.newsmon.processor.signals;

import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.ClassifiedArticle.Cue;
import dev.newsmon.common.ClassifiedArticle.Dyad;
import dev.newsmon.common.ClassifiedArticle.Polarity;
import dev.newsmon.common.ClassifiedArticle.ThemeMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/** Fans a classified article out to the subjects it moves: each of its themes, and each watched dyad it has. */
public final class Subjects {
    public static final String DYAD_PREFIX = "dyad:";

    private final List<String> dyads;

    public Subjects(List<String> dyads) {
        this.dyads = List.copyOf(dyads);
    }

    public List<KeyValue<String, SubjectEvent>> of(ClassifiedArticle a) {
        List<KeyValue<String, SubjectEvent>> out = new ArrayList<>();
        boolean duplicate = a.duplicateOf() != null;
        Map<String, Double> tension = cues(a.cues(), Polarity.tension);
        Map<String, Double> cooperation = cues(a.cues(), Polarity.cooperation);
        for (ThemeMatch t : a.themes()) {
            out.add(KeyValue.pair(t.theme(), new SubjectEvent(t.theme(), t.theme(), a.id(), a.title(), a.url(),
                    a.eventTime(), a.tension(), a.cooperation(), t.score(), duplicate, tension, cooperation)));
        }
        for (String pair : dyads) {
            int gt = pair.indexOf('>');
            String from = pair.substring(0, gt);
            String to = pair.substring(gt + 1);
            double dt = -1;
            double dc = -1;
            for (Dyad d : a.dyads()) {
                if (d.from().equals(from) && d.to().equals(to)) {
                    dt = Math.max(dt, d.tension());
                    dc = Math.max(dc, d.cooperation());
                }
            }
            if (dt >= 0) {
                String subject = DYAD_PREFIX + pair;
                out.add(KeyValue.pair(subject, new SubjectEvent(subject, null, a.id(), a.title(), a.url(),
                        a.eventTime(), dt, dc, 1.0, duplicate, Map.of(), Map.of())));
            }
        }
        return out;
    }

    private static Map<String, Double> cues(List<Cue> cues, Polarity polarity) {
        Map<String, Double> m = new HashMap<>();
        for (Cue c : cues) {
            if (c.polarity() == polarity && c.weight() > 0) {
                m.merge(c.cue(), c.weight(), Double::sum);
            }
        }
        return m;
    }
}
