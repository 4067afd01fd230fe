package dev.newsmon.processor.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One theme a desk watches, as data.
 *
 * @param terms   strong terms and their weights: each occurrence counts
 * @param weak    weak terms: count only in a sentence that also holds a strong term, a context term or the actor rule
 * @param context terms that license weak terms but weigh nothing themselves ("export" for "chip")
 * @param exclude phrases that swallow a term inside them ("potato chips", "bargaining chip")
 * @param veto    phrases that stop the whole sentence counting for this theme ("Camp David" for the
 *                China-Japan-South Korea summit)
 * @param actors  optional: a sentence naming all these actors (and none of the others) counts and licenses weak terms
 */
public record Theme(String name, String description, double threshold,
                    Map<String, Double> terms, Map<String, Double> weak, List<String> context,
                    List<String> exclude, List<String> veto, ActorRule actors) {

    public Theme {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        weak = weak == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(weak));
        context = context == null ? List.of() : List.copyOf(context);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        veto = veto == null ? List.of() : List.copyOf(veto);
    }

    /** "All of these actors in one sentence, none of those" counts {@code weight}. */
    public record ActorRule(List<String> all, List<String> none, double weight) {
        public ActorRule {
            all = List.copyOf(all);
            none = none == null ? List.of() : List.copyOf(none);
        }
    }
}
