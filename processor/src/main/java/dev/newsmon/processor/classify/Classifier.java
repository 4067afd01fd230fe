package dev.newsmon.processor.classify;

import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.ClassifiedArticle.Cue;
import dev.newsmon.common.ClassifiedArticle.Dyad;
import dev.newsmon.common.ClassifiedArticle.Evidence;
import dev.newsmon.common.ClassifiedArticle.Polarity;
import dev.newsmon.common.ClassifiedArticle.ThemeMatch;
import dev.newsmon.processor.classify.match.PhraseIndex;
import dev.newsmon.processor.classify.text.Inflections;
import dev.newsmon.processor.classify.text.Tokenizer;
import dev.newsmon.processor.classify.text.Tokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags an article with themes, scores tension and cooperation, and finds actors and dyads, in one pass
 * of the tokenizer and one pass of the phrase matcher. Everything lexical is compiled into one
 * {@link PhraseIndex} at construction; {@link #classify} is thread-safe (per-thread scratch buffers).
 */
public final class Classifier {
    static final int STRONG = 0;
    static final int WEAK = 1;
    static final int CONTEXT = 2;
    static final int EXCLUDE = 3;
    static final int VETO = 4;
    static final int ACTOR = 5;
    static final int IGNORED_NAME = 6;
    static final int TENSION = 7;
    static final int COOPERATION = 8;
    static final int NEGATOR = 9;
    static final int HEDGE = 10;
    static final int INTENSIFIER = 11;
    static final int NEUTRAL = 12;

    /** Tokens between a negator's end and the cue: "no need to worry" (0), "not in favour of a zero-sum" (1). */
    private static final int NEGATION_GAP = 2;
    private static final int HEDGE_GAP = 4;
    private static final int INTENSIFIER_GAP = 2;
    /** A negated cue flips to the other polarity at this share of its weight. */
    private static final double NEGATION_FLIP = 0.5;
    private static final int MAX_EVIDENCE = 12;
    private static final int MAX_CUES = 60;
    private static final int MAX_DYADS = 20;
    private static final int MAX_RETAINED_TOKENS = 1 << 16;
    /** Article tone = 1 - exp(-(sum of sentence tone) / TONE_SCALE): two firm sentences make a clearly tense story. */
    private static final double TONE_SCALE = 1.5;
    /** Articles up to this many (weighted) sentences are scored on their plain cue sum. */
    private static final double LENGTH_BASE = 6;

    private static final Comparator<Evidence> BY_WEIGHT_DESC = Comparator.comparingDouble(Evidence::weight).reversed();
    private static final Comparator<Dyad> BY_TONE_DESC =
            Comparator.comparingDouble((Dyad d) -> d.tension() + d.cooperation()).reversed();

    private final Themes themes;
    private final String[] themeNames;
    private final double[] thresholds;
    private final long[] ruleAll;
    private final long[] ruleNone;
    private final double[] ruleWeight;
    private final String[] ruleLabel;
    private final String[] actorIds;
    private final int actorCategory;
    private final int cueCategory;
    private final int modifierCategory;
    private final int categories;
    private final int termCount;
    private final int ruleRefBase;

    private final PhraseIndex index;
    // One entry per payload (a phrase can carry several: an actor alias and a theme term, say).
    private final int[] pCategory;
    private final int[] pKind;
    private final double[] pWeight;
    private final String[] pLabel;
    private final int[] pRef;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public Classifier(Themes themes) {
        this(themes, Gazetteer.loadDefault(), CueLexicon.loadDefault());
    }

    public Classifier(Themes themes, Gazetteer gazetteer, CueLexicon cues) {
        this.themes = themes;
        List<Theme> list = themes.themes();
        int t = list.size();
        themeNames = new String[t];
        thresholds = new double[t];
        ruleAll = new long[t];
        ruleNone = new long[t];
        ruleWeight = new double[t];
        ruleLabel = new String[t];
        actorIds = gazetteer.ids().toArray(String[]::new);
        if (actorIds.length > 64) {
            throw new ThemesException("actors resource: at most 64 actors are supported, got " + actorIds.length);
        }
        actorCategory = t;
        cueCategory = t + 1;
        modifierCategory = t + 2;
        categories = t + 3;

        Tokenizer tok = new Tokenizer();
        PhraseIndex.Builder b = new PhraseIndex.Builder();
        Payloads p = new Payloads();
        int terms = 0;
        for (int i = 0; i < t; i++) {
            Theme th = list.get(i);
            themeNames[i] = th.name();
            thresholds[i] = th.threshold();
            for (Map.Entry<String, Double> e : th.terms().entrySet()) {
                add(b, tok, p, e.getKey(), i, STRONG, e.getValue(), terms++);
            }
            for (Map.Entry<String, Double> e : th.weak().entrySet()) {
                add(b, tok, p, e.getKey(), i, WEAK, e.getValue(), terms++);
            }
            for (String s : th.context()) {
                add(b, tok, p, s, i, CONTEXT, 0, -1);
            }
            for (String s : th.exclude()) {
                add(b, tok, p, s, i, EXCLUDE, 0, -1);
            }
            for (String s : th.veto()) {
                add(b, tok, p, s, i, VETO, 0, -1);
            }
            if (th.actors() != null) {
                ruleAll[i] = mask(th.actors().all());
                ruleNone[i] = mask(th.actors().none());
                ruleWeight[i] = th.actors().weight();
                ruleLabel[i] = "actors:" + String.join("+", th.actors().all());
            }
        }
        ruleRefBase = terms;
        termCount = terms + t;
        for (int a = 0; a < actorIds.length; a++) {
            for (String alias : gazetteer.aliases().get(actorIds[a])) {
                add(b, tok, p, alias, actorCategory, ACTOR, 0, a);
            }
        }
        for (String s : gazetteer.ignore()) {
            add(b, tok, p, s, actorCategory, IGNORED_NAME, 0, -1);
        }
        for (Map.Entry<String, Double> e : cues.tension().entrySet()) {
            add(b, tok, p, e.getKey(), cueCategory, TENSION, e.getValue(), -1);
        }
        for (Map.Entry<String, Double> e : cues.cooperation().entrySet()) {
            add(b, tok, p, e.getKey(), cueCategory, COOPERATION, e.getValue(), -1);
        }
        for (String s : cues.negators()) {
            add(b, tok, p, s, modifierCategory, NEGATOR, 0, -1);
        }
        for (Map.Entry<String, Double> e : cues.hedges().entrySet()) {
            add(b, tok, p, e.getKey(), modifierCategory, HEDGE, e.getValue(), -1);
        }
        for (Map.Entry<String, Double> e : cues.intensifiers().entrySet()) {
            add(b, tok, p, e.getKey(), modifierCategory, INTENSIFIER, e.getValue(), -1);
        }
        for (String s : cues.neutral()) {
            add(b, tok, p, s, cueCategory, NEUTRAL, 0, -1);
            add(b, tok, p, s, modifierCategory, NEUTRAL, 0, -1);
        }
        index = b.build();
        pCategory = p.category.stream().mapToInt(Integer::intValue).toArray();
        pKind = p.kind.stream().mapToInt(Integer::intValue).toArray();
        pWeight = p.weight.stream().mapToDouble(Double::doubleValue).toArray();
        pLabel = p.label.toArray(String[]::new);
        pRef = p.ref.stream().mapToInt(Integer::intValue).toArray();
    }

    public Themes themes() {
        return themes;
    }

    private long mask(List<String> ids) {
        long m = 0;
        for (String id : ids) {
            int k = Arrays.asList(actorIds).indexOf(id);
            if (k < 0) {
                throw new ThemesException("themes: unknown actor '" + id + "'");
            }
            m |= 1L << k;
        }
        return m;
    }

    private static void add(PhraseIndex.Builder b, Tokenizer tok, Payloads p, String term, int category, int kind,
                            double weight, int ref) {
        for (String form : Inflections.expand(term)) {
            long[] hashes = tok.terms(form);
            // "tension" and "tensions" fold to one key: the first spelling listed keeps it.
            if (hashes.length == 0 || !p.seen.add(category + ":" + Arrays.toString(hashes))) {
                continue;
            }
            int id = p.category.size();
            p.category.add(category);
            p.kind.add(kind);
            p.weight.add(weight);
            p.label.add(term.endsWith("+") ? term.substring(0, term.length() - 1) : term);
            p.ref.add(ref);
            b.add(hashes, id);
        }
    }

    public ClassifiedArticle classify(Article a) {
        return classify(a, null);
    }

    /** Classifies and keeps the spans behind every piece of evidence, for a human reader. */
    public Explained explain(Article a) {
        List<Explained.Span> highlights = new ArrayList<>();
        ClassifiedArticle result = classify(a, highlights);
        Scratch sc = scratch.get();
        Tokens tk = sc.tokens;
        List<Explained.SentenceTone> tones = new ArrayList<>();
        for (int sent = 0; sent < tk.sentences; sent++) {
            tones.add(new Explained.SentenceTone(Tokens.publicSentence(sent), tk.sentenceWeight[sent],
                    round(sc.sentTension[sent]), round(sc.sentCooperation[sent])));
        }
        List<Explained.Span> sentences = new ArrayList<>();
        int i = 0;
        while (i < tk.size) {
            int sent = tk.sentence[i];
            int from = tk.start[i];
            while (i + 1 < tk.size && tk.sentence[i + 1] == sent) {
                i++;
            }
            String text = sent == 0 ? a.title() : a.body();
            int to = tk.end[i];
            while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
                to++; // keep the closing punctuation and quotes
            }
            sentences.add(new Explained.Span(Tokens.publicSentence(sent), from, to, null));
            i++;
        }
        return new Explained(result, sentences, highlights, tones);
    }

    private ClassifiedArticle classify(Article a, List<Explained.Span> highlights) {
        Scratch s = scratch.get();
        Tokens tk = s.tokens;
        s.tokenizer.tokenize(a.title(), a.body(), tk);
        s.prepare(tk.size, tk.sentences, categories, termCount);
        match(tk, s);

        long[] sentActors = s.sentActors;
        List<String> actors = new ArrayList<>();
        long seen = 0;
        for (int h = 0; h < s.hits; h++) {
            int p = s.hitPayload[h];
            if (pKind[p] == ACTOR) {
                int sent = tk.sentence[s.hitStart[h]];
                long bit = 1L << pRef[p];
                if ((sentActors[sent] & bit) == 0) {
                    sentActors[sent] |= bit;
                    s.addSentActor(sent, pRef[p]);
                }
                if ((seen & bit) == 0) {
                    seen |= bit;
                    actors.add(actorIds[pRef[p]]);
                }
            }
        }

        List<ThemeMatch> matches = new ArrayList<>(2);
        for (int t = 0; t < themeNames.length; t++) {
            ThemeMatch m = scoreTheme(t, tk, s, highlights);
            if (m != null) {
                matches.add(m);
            }
        }

        List<Cue> cues = new ArrayList<>();
        scoreTone(tk, s, cues, highlights);
        double tensionSum = 0;
        double cooperationSum = 0;
        double sentences = 0;
        for (int sent = 0; sent < tk.sentences; sent++) {
            double w = tk.sentenceWeight[sent];
            tensionSum += w * s.sentTension[sent];
            cooperationSum += w * s.sentCooperation[sent];
            sentences += w;
        }
        // Long stories pile up cues; dividing by the square root of their length keeps a short, sharp
        // warning as tense as a long feature that mentions friction in passing.
        double length = Math.sqrt(Math.max(LENGTH_BASE, sentences) / LENGTH_BASE);
        tensionSum /= length;
        cooperationSum /= length;
        List<Dyad> dyads = dyads(tk, s);
        if (tk.hash.length > MAX_RETAINED_TOKENS && highlights == null) {
            scratch.remove(); // one huge article should not pin megabytes per stream thread for good
        }
        return new ClassifiedArticle(a.id(), a.url(), a.source(), a.title(), a.lang(), a.published(), a.eventTime(),
                matches, tone(tensionSum), tone(cooperationSum), cues, actors, dyads, null);
    }

    private static double tone(double sum) {
        return round(1 - Math.exp(-sum / TONE_SCALE));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** One pass: at each token, the longest phrase per category wins, and covers its tokens for that category. */
    private void match(Tokens tk, Scratch s) {
        final int n = tk.size;
        final int maxLen = index.maxLength();
        final int[] covered = s.coveredUntil;
        final int[] bestPayload = s.bestPayload;
        final int[] bestLen = s.bestLen;
        final int[] touched = s.touched;
        for (int i = 0; i < n; i++) {
            if (!index.mayStart(tk.hash[i])) {
                continue;
            }
            int touchedCount = 0;
            long key = 0;
            int sent = tk.sentence[i];
            for (int len = 1; len <= maxLen && i + len <= n; len++) {
                int j = i + len - 1;
                if (tk.sentence[j] != sent) {
                    break;
                }
                key = PhraseIndex.extend(key, tk.hash[j]);
                if (len > 1 && !index.mayContain(key)) {
                    break; // mayStart did this test for the first token
                }
                int slot = index.find(key);
                if (slot < 0) {
                    break;
                }
                if (!index.isPhrase(slot)) {
                    continue;
                }
                for (int q = index.payloadFrom(slot), end = index.payloadTo(slot); q < end; q++) {
                    int p = index.payload(q);
                    int cat = pCategory[p];
                    if (covered[cat] > i) {
                        continue;
                    }
                    if (bestLen[cat] == 0) {
                        touched[touchedCount++] = cat;
                    }
                    bestLen[cat] = len;
                    bestPayload[cat] = p;
                }
                if (!index.isExtendable(slot)) {
                    break; // no longer phrase starts here: spare the probe that would miss
                }
            }
            for (int k = 0; k < touchedCount; k++) {
                int cat = touched[k];
                s.addHit(bestPayload[cat], i, i + bestLen[cat], cat);
                covered[cat] = i + bestLen[cat];
                bestLen[cat] = 0;
            }
        }
    }

    private ThemeMatch scoreTheme(int t, Tokens tk, Scratch s, List<Explained.Span> highlights) {
        if (ruleAll[t] == 0 && s.catHead[t] < 0) {
            return null; // no term of this theme in the article: most articles touch one or two themes
        }
        int[] flags = s.sentFlags;
        Arrays.fill(flags, 0, tk.sentences, 0);
        boolean any = false;
        for (int h = s.catHead[t]; h >= 0; h = s.hitNext[h]) {
            int p = s.hitPayload[h];
            int sent = tk.sentence[s.hitStart[h]];
            switch (pKind[p]) {
                case STRONG -> {
                    flags[sent] |= 1;
                    any = true;
                }
                case WEAK -> any = true;
                case CONTEXT -> flags[sent] |= 2;
                case VETO -> flags[sent] |= 4;
                default -> {
                }
            }
        }
        long all = ruleAll[t];
        if (all != 0) {
            for (int sent = 0; sent < tk.sentences; sent++) {
                long m = s.sentActors[sent];
                if ((m & all) == all && (m & ruleNone[t]) == 0) {
                    flags[sent] |= 8;
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        double raw = 0;
        List<Evidence> evidence = new ArrayList<>();
        int[] counts = s.termCounts;
        for (int h = s.catHead[t]; h >= 0; h = s.hitNext[h]) {
            int p = s.hitPayload[h];
            int kind = pKind[p];
            int sent = tk.sentence[s.hitStart[h]];
            if ((flags[sent] & 4) != 0 || (kind != STRONG && kind != WEAK)) {
                continue;
            }
            if (kind == WEAK && (flags[sent] & (1 | 2 | 8)) == 0) {
                continue; // a weak term alone is a passing mention
            }
            // Repeats add less and less (weak terms faster): ten "chip"s are not ten pieces of evidence.
            int k = ++counts[pRef[p]];
            double w = pWeight[p] * tk.sentenceWeight[sent] / (kind == WEAK ? k * k : k);
            if (w <= 0) {
                continue;
            }
            raw += w;
            evidence.add(new Evidence(pLabel[p], Tokens.publicSentence(sent), tk.start[s.hitStart[h]], round(w)));
            if (highlights != null) {
                highlights.add(new Explained.Span(Tokens.publicSentence(sent), tk.start[s.hitStart[h]],
                        tk.end[s.hitEnd[h] - 1], themeNames[t]));
            }
        }
        if (all != 0) {
            int ruleRef = ruleRefBase + t;
            for (int sent = 0; sent < tk.sentences; sent++) {
                if ((flags[sent] & 8) != 0 && (flags[sent] & 4) == 0) {
                    double w = ruleWeight[t] * tk.sentenceWeight[sent] / (++counts[ruleRef]);
                    if (w > 0) {
                        raw += w;
                        evidence.add(new Evidence(ruleLabel[t], Tokens.publicSentence(sent),
                                firstTokenOffset(tk, sent), round(w)));
                    }
                }
            }
        }
        if (raw < thresholds[t]) {
            return null;
        }
        evidence.sort(BY_WEIGHT_DESC);
        if (evidence.size() > MAX_EVIDENCE) {
            evidence = evidence.subList(0, MAX_EVIDENCE);
        }
        return new ThemeMatch(themeNames[t], round(raw / (raw + thresholds[t])), evidence);
    }

    private static int firstTokenOffset(Tokens tk, int sent) {
        for (int i = 0; i < tk.size; i++) {
            if (tk.sentence[i] == sent) {
                return tk.start[i];
            }
        }
        return 0;
    }

    /** Cues with their modifiers; per-sentence tone is a noisy-or of the sentence's cue weights. */
    private void scoreTone(Tokens tk, Scratch s, List<Cue> cues, List<Explained.Span> highlights) {
        double[] tension = s.sentTension;
        double[] cooperation = s.sentCooperation;
        int lastModifier = -1;
        for (int h = 0; h < s.hits; h++) {
            int p = s.hitPayload[h];
            int kind = pKind[p];
            if (kind == NEGATOR || kind == HEDGE || kind == INTENSIFIER) {
                lastModifier = h;
                continue;
            }
            if (kind != TENSION && kind != COOPERATION) {
                continue;
            }
            int start = s.hitStart[h];
            int sent = tk.sentence[start];
            double w = pWeight[p];
            boolean tense = kind == TENSION;
            String modifier = null;
            boolean negated = false;
            double factor = 1;
            int from = start; // the highlight reaches back over the modifiers that changed the cue
            for (int m = lastModifier; m >= 0; m--) {
                int mp = s.hitPayload[m];
                int mk = pKind[mp];
                if (mk != NEGATOR && mk != HEDGE && mk != INTENSIFIER) {
                    continue;
                }
                int mEnd = s.hitEnd[m];
                if (tk.sentence[s.hitStart[m]] != sent || mEnd > start) {
                    if (tk.sentence[s.hitStart[m]] != sent) {
                        break;
                    }
                    continue;
                }
                int gap = start - mEnd;
                if (tk.clause[s.hitStart[m]] != tk.clause[start] || gap > HEDGE_GAP) {
                    break;
                }
                if (mk == NEGATOR && gap <= NEGATION_GAP && !negated) {
                    negated = true;
                    from = s.hitStart[m];
                } else if (mk == HEDGE && gap <= HEDGE_GAP && factor == 1) {
                    factor = pWeight[mp];
                    from = Math.min(from, s.hitStart[m]);
                } else if (mk == INTENSIFIER && gap <= INTENSIFIER_GAP && factor == 1) {
                    factor = pWeight[mp];
                    from = Math.min(from, s.hitStart[m]);
                }
            }
            if (factor < 1) {
                modifier = "hedged";
            } else if (factor > 1) {
                modifier = "intensified";
            }
            w *= factor;
            if (negated) {
                tense = !tense;
                w *= NEGATION_FLIP;
                modifier = "negated";
            }
            w = Math.min(1, w);
            if (highlights != null) {
                highlights.add(new Explained.Span(Tokens.publicSentence(sent), tk.start[Math.min(from, start)],
                        tk.end[s.hitEnd[h] - 1], tense ? "tension" : "cooperation"));
            }
            double[] acc = tense ? tension : cooperation;
            acc[sent] = 1 - (1 - acc[sent]) * (1 - w);
            if (cues.size() < MAX_CUES || w > weakest(cues)) {
                if (cues.size() >= MAX_CUES) {
                    cues.remove(weakestIndex(cues));
                }
                cues.add(new Cue(pLabel[p], tense ? Polarity.tension : Polarity.cooperation,
                        Tokens.publicSentence(sent), round(w), modifier));
            }
        }
    }

    private static double weakest(List<Cue> cues) {
        return cues.get(weakestIndex(cues)).weight();
    }

    private static int weakestIndex(List<Cue> cues) {
        int k = 0;
        for (int i = 1; i < cues.size(); i++) {
            if (cues.get(i).weight() < cues.get(k).weight()) {
                k = i;
            }
        }
        return k;
    }

    /** Directed pairs per sentence: the first actor named (the subject, as a rule) toward every other one. */
    private List<Dyad> dyads(Tokens tk, Scratch s) {
        Map<Long, double[]> pairs = new LinkedHashMap<>();
        for (int sent = 0; sent < tk.sentences; sent++) {
            int count = s.sentActorCount[sent];
            if (count < 2) {
                continue;
            }
            int from = s.sentActorList[sent * Scratch.ACTORS_PER_SENTENCE];
            double w = tk.sentenceWeight[sent];
            for (int k = 1; k < Math.min(count, Scratch.ACTORS_PER_SENTENCE); k++) {
                int to = s.sentActorList[sent * Scratch.ACTORS_PER_SENTENCE + k];
                double[] acc = pairs.computeIfAbsent(((long) from << 32) | to, x -> new double[2]);
                acc[0] += w * s.sentTension[sent];
                acc[1] += w * s.sentCooperation[sent];
            }
        }
        List<Dyad> out = new ArrayList<>(pairs.size());
        for (Map.Entry<Long, double[]> e : pairs.entrySet()) {
            int from = (int) (e.getKey() >>> 32);
            int to = (int) (long) e.getKey();
            out.add(new Dyad(actorIds[from], actorIds[to], tone(e.getValue()[0]), tone(e.getValue()[1])));
        }
        out.sort(BY_TONE_DESC);
        return out.size() > MAX_DYADS ? out.subList(0, MAX_DYADS) : out;
    }

    private static final class Payloads {
        final List<Integer> category = new ArrayList<>();
        final List<Integer> kind = new ArrayList<>();
        final List<Double> weight = new ArrayList<>();
        final List<String> label = new ArrayList<>();
        final List<Integer> ref = new ArrayList<>();
        final java.util.Set<String> seen = new java.util.HashSet<>();
    }

    /** Per-thread buffers, grown as needed and reused, so classifying allocates little beyond its result. */
    private static final class Scratch {
        static final int ACTORS_PER_SENTENCE = 8;
        final Tokenizer tokenizer = new Tokenizer();
        final Tokens tokens = new Tokens();
        int hits;
        /** Each category's hits in order, as a list threaded through hitNext, so a theme reads only its own. */
        int[] catHead = new int[0];
        int[] catTail = new int[0];
        int[] hitNext = new int[256];
        int[] hitPayload = new int[256];
        int[] hitStart = new int[256];
        int[] hitEnd = new int[256];
        int[] coveredUntil = new int[0];
        int[] bestPayload = new int[0];
        int[] bestLen = new int[0];
        int[] touched = new int[0];
        int[] termCounts = new int[0];
        int[] sentFlags = new int[0];
        long[] sentActors = new long[0];
        int[] sentActorCount = new int[0];
        int[] sentActorList = new int[0];
        double[] sentTension = new double[0];
        double[] sentCooperation = new double[0];

        void prepare(int tokens, int sentences, int categories, int terms) {
            hits = 0;
            if (coveredUntil.length < categories) {
                coveredUntil = new int[categories];
                bestPayload = new int[categories];
                bestLen = new int[categories];
                touched = new int[categories];
                catHead = new int[categories];
                catTail = new int[categories];
            }
            Arrays.fill(catHead, -1);
            Arrays.fill(coveredUntil, 0);
            if (termCounts.length < terms) {
                termCounts = new int[terms];
            }
            Arrays.fill(termCounts, 0);
            if (sentFlags.length < sentences) {
                int n = Math.max(sentences, sentFlags.length * 2);
                sentFlags = new int[n];
                sentActors = new long[n];
                sentActorCount = new int[n];
                sentActorList = new int[n * ACTORS_PER_SENTENCE];
                sentTension = new double[n];
                sentCooperation = new double[n];
            }
            Arrays.fill(sentActors, 0, sentences, 0);
            Arrays.fill(sentActorCount, 0, sentences, 0);
            Arrays.fill(sentTension, 0, sentences, 0);
            Arrays.fill(sentCooperation, 0, sentences, 0);
        }

        void addHit(int payload, int start, int end, int category) {
            if (hits == hitPayload.length) {
                int n = hits * 2;
                hitNext = Arrays.copyOf(hitNext, n);
                hitPayload = Arrays.copyOf(hitPayload, n);
                hitStart = Arrays.copyOf(hitStart, n);
                hitEnd = Arrays.copyOf(hitEnd, n);
            }
            hitPayload[hits] = payload;
            hitStart[hits] = start;
            hitEnd[hits] = end;
            hitNext[hits] = -1;
            if (catHead[category] < 0) {
                catHead[category] = hits;
            } else {
                hitNext[catTail[category]] = hits;
            }
            catTail[category] = hits;
            hits++;
        }

        void addSentActor(int sent, int actor) {
            int c = sentActorCount[sent];
            if (c < ACTORS_PER_SENTENCE) {
                sentActorList[sent * ACTORS_PER_SENTENCE + c] = actor;
            }
            sentActorCount[sent] = c + 1;
        }
    }
}
