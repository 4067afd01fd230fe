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
    private static final int HEDGED = 1;
    private static final int INTENSIFIED = 2;
    private static final int NEGATED = 3;
    private static final String[] MODIFIERS = {null, "hedged", "intensified", "negated"};
    private static final int MAX_RETAINED_TOKENS = 1 << 16;
    /** Article tone = 1 - exp(-(sum of sentence tone) / TONE_SCALE): two firm sentences make a clearly tense story. */
    private static final double TONE_SCALE = 1.5;
    /** Articles up to this many (weighted) sentences are scored on their plain cue sum. */
    private static final double LENGTH_BASE = 6;

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

    private final ThreadLocal<Scratch> scratch;

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
        scratch = ThreadLocal.withInitial(Scratch::new);
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
        for (int h = s.catHead[actorCategory]; h >= 0; h = s.hitNext[h]) {
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

        List<Cue> cues = scoreTone(tk, s, highlights);
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

    /**
     * One pass over the tokens that may start a phrase: at each, the longest phrase per category wins and covers
     * its tokens for that category. A longer phrase from the same start replaces the shorter one's hit in place.
     */
    private void match(Tokens tk, Scratch s) {
        final int n = tk.size;
        final int maxLen = index.maxLength();
        final long[] hash = tk.hash;
        final int[] sentence = tk.sentence;
        final int[] candidate = s.candidates(n);
        final int[] coverStart = s.coverStart;
        final int[] coverEnd = s.coverEnd;
        for (int c = 0, candidates = index.starts(hash, n, candidate); c < candidates; c++) {
            int i = candidate[c];
            long key = hash[i];
            long info = index.info(key);
            int len = 1;
            while (info != 0) {
                if (PhraseIndex.isPhrase(info)) {
                    for (int q = PhraseIndex.payloadFrom(info), end = PhraseIndex.payloadTo(info); q < end; q++) {
                        int p = index.payload(q);
                        int cat = pCategory[p];
                        if (coverStart[cat] == i) {
                            s.replaceTail(cat, p, i + len); // a category has one payload per phrase: this is longer
                        } else if (coverEnd[cat] <= i) {
                            s.addHit(p, i, i + len, cat);
                            coverStart[cat] = i;
                        } else {
                            continue; // inside a longer phrase of this category that started earlier
                        }
                        coverEnd[cat] = i + len;
                    }
                }
                int j = i + len;
                if (!PhraseIndex.isExtendable(info) || j >= n || len == maxLen || sentence[j] != sentence[i]) {
                    break;
                }
                key = PhraseIndex.extend(key, hash[j]);
                info = index.mayContain(key) ? index.info(key) : 0;
                len++;
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
        TopWeights top = s.topEvidence;
        top.clear();
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
            top.offer(round(w), h);
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
                        top.offer(round(w), -1 - sent); // an actor-rule sentence, not a hit
                    }
                }
            }
        }
        if (raw < thresholds[t]) {
            return null;
        }
        Evidence[] evidence = new Evidence[top.size()];
        for (int r = 0; r < evidence.length; r++) {
            int h = top.item(r);
            if (h >= 0) {
                int start = s.hitStart[h];
                evidence[r] = new Evidence(pLabel[s.hitPayload[h]], Tokens.publicSentence(tk.sentence[start]),
                        tk.start[start], top.weight(r));
            } else {
                int sent = -1 - h;
                evidence[r] = new Evidence(ruleLabel[t], Tokens.publicSentence(sent), firstTokenOffset(tk, sent),
                        top.weight(r));
            }
        }
        return new ThemeMatch(themeNames[t], round(raw / (raw + thresholds[t])), List.of(evidence));
    }

    /** Sentence numbers only grow along the tokens, so the sentence's first token is a binary search away. */
    private static int firstTokenOffset(Tokens tk, int sent) {
        int lo = 0;
        int hi = tk.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tk.sentence[mid] < sent) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < tk.size && tk.sentence[lo] == sent ? tk.start[lo] : 0;
    }

    /** Cues with their modifiers; per-sentence tone is a noisy-or of the sentence's cue weights. */
    private List<Cue> scoreTone(Tokens tk, Scratch s, List<Explained.Span> highlights) {
        double[] tension = s.sentTension;
        double[] cooperation = s.sentCooperation;
        int[] mods = s.modifierHits(); // negators, hedges and intensifiers in reading order
        int modCount = 0;
        for (int h = s.catHead[modifierCategory]; h >= 0; h = s.hitNext[h]) {
            int kind = pKind[s.hitPayload[h]];
            if (kind == NEGATOR || kind == HEDGE || kind == INTENSIFIER) {
                mods[modCount++] = h;
            }
        }
        int modsBefore = 0; // mods[0, modsBefore) come before the cue at hand
        for (int h = s.catHead[cueCategory]; h >= 0; h = s.hitNext[h]) {
            int p = s.hitPayload[h];
            int kind = pKind[p];
            if (kind != TENSION && kind != COOPERATION) {
                continue;
            }
            while (modsBefore < modCount && mods[modsBefore] < h) {
                modsBefore++;
            }
            int start = s.hitStart[h];
            int sent = tk.sentence[start];
            double w = pWeight[p];
            boolean tense = kind == TENSION;
            int modifier = 0;
            boolean negated = false;
            double factor = 1;
            int from = start; // the highlight reaches back over the modifiers that changed the cue
            for (int q = modsBefore - 1; q >= 0; q--) {
                int m = mods[q];
                int mp = s.hitPayload[m];
                int mk = pKind[mp];
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
                modifier = HEDGED;
            } else if (factor > 1) {
                modifier = INTENSIFIED;
            }
            w *= factor;
            if (negated) {
                tense = !tense;
                w *= NEGATION_FLIP;
                modifier = NEGATED;
            }
            w = Math.min(1, w);
            if (highlights != null) {
                highlights.add(new Explained.Span(Tokens.publicSentence(sent), tk.start[Math.min(from, start)],
                        tk.end[s.hitEnd[h] - 1], tense ? "tension" : "cooperation"));
            }
            double[] acc = tense ? tension : cooperation;
            acc[sent] = 1 - (1 - acc[sent]) * (1 - w);
            s.keepCue(w, p, sent, tense, modifier);
        }
        Cue[] out = new Cue[s.cues];
        for (int k = 0; k < out.length; k++) {
            out[k] = new Cue(pLabel[s.cuePayload[k]], s.cueTense[k] ? Polarity.tension : Polarity.cooperation,
                    Tokens.publicSentence(s.cueSentence[k]), s.cueWeight[k], MODIFIERS[s.cueModifier[k]]);
        }
        return List.of(out);
    }

    /** Directed pairs per sentence: the first actor named (the subject, as a rule) toward every other one. */
    private List<Dyad> dyads(Tokens tk, Scratch s) {
        int[] slot = s.pairSlot; // from * 64 + to -> index into the pair arrays, or -1
        int pairs = 0;
        for (int sent = 0; sent < tk.sentences; sent++) {
            int count = s.sentActorCount[sent];
            if (count < 2) {
                continue;
            }
            int from = s.sentActorList[sent * Scratch.ACTORS_PER_SENTENCE];
            double w = tk.sentenceWeight[sent];
            for (int k = 1; k < Math.min(count, Scratch.ACTORS_PER_SENTENCE); k++) {
                int key = from << 6 | s.sentActorList[sent * Scratch.ACTORS_PER_SENTENCE + k];
                int q = slot[key];
                if (q < 0) {
                    q = pairs++;
                    slot[key] = q;
                    s.pairKey[q] = key;
                    s.pairTension[q] = 0;
                    s.pairCooperation[q] = 0;
                }
                s.pairTension[q] += w * s.sentTension[sent];
                s.pairCooperation[q] += w * s.sentCooperation[sent];
            }
        }
        TopWeights top = s.topDyads;
        top.clear();
        for (int q = 0; q < pairs; q++) {
            slot[s.pairKey[q]] = -1;
            s.pairTension[q] = tone(s.pairTension[q]);
            s.pairCooperation[q] = tone(s.pairCooperation[q]);
            top.offer(s.pairTension[q] + s.pairCooperation[q], q);
        }
        Dyad[] out = new Dyad[top.size()];
        for (int r = 0; r < out.length; r++) {
            int q = top.item(r);
            out[r] = new Dyad(actorIds[s.pairKey[q] >>> 6], actorIds[s.pairKey[q] & 63], s.pairTension[q],
                    s.pairCooperation[q]);
        }
        return List.of(out);
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
        final TopWeights topEvidence = new TopWeights(MAX_EVIDENCE);
        final TopWeights topDyads = new TopWeights(MAX_DYADS);
        final double[] cueWeight = new double[MAX_CUES];
        final int[] cuePayload = new int[MAX_CUES];
        final int[] cueSentence = new int[MAX_CUES];
        final boolean[] cueTense = new boolean[MAX_CUES];
        final int[] cueModifier = new int[MAX_CUES];
        int cues;
        /** Directed actor pairs (at most 64 actors, so from * 64 + to) of the article being scored. */
        final int[] pairSlot = new int[64 * 64];
        final int[] pairKey = new int[64 * 64];
        final double[] pairTension = new double[64 * 64];
        final double[] pairCooperation = new double[64 * 64];
        int hits;
        /** Each category's hits in order, as a list threaded through hitNext, so a theme reads only its own. */
        int[] catHead = new int[0];
        int[] catTail = new int[0];
        int[] hitNext = new int[256];
        int[] hitPayload = new int[256];
        int[] hitStart = new int[256];
        int[] hitEnd = new int[256];
        int[] modifiers = new int[256];
        int[] phraseStarts = new int[1024];
        /** Per category: where its last hit starts and ends. */
        int[] coverStart = new int[0];
        int[] coverEnd = new int[0];
        int[] termCounts = new int[0];
        int[] sentFlags = new int[0];
        long[] sentActors = new long[0];
        int[] sentActorCount = new int[0];
        int[] sentActorList = new int[0];
        double[] sentTension = new double[0];
        double[] sentCooperation = new double[0];

        Scratch() {
            Arrays.fill(pairSlot, -1);
        }

        void prepare(int tokens, int sentences, int categories, int terms) {
            hits = 0;
            cues = 0;
            if (coverStart.length < categories) {
                coverStart = new int[categories];
                coverEnd = new int[categories];
                catHead = new int[categories];
                catTail = new int[categories];
            }
            Arrays.fill(catHead, -1);
            Arrays.fill(coverStart, -1);
            Arrays.fill(coverEnd, 0);
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

        /** Makes the category's last hit the longer phrase {@code payload}, ending at token {@code end}. */
        void replaceTail(int category, int payload, int end) {
            int h = catTail[category];
            hitPayload[h] = payload;
            hitEnd[h] = end;
        }

        /**
         * Keeps the article's MAX_CUES strongest cues in reading order: a new cue stronger than the weakest kept
         * one (the first of equals) replaces it and goes to the end. Compares the unrounded weight with the
         * rounded ones kept, as the output shows them.
         */
        void keepCue(double w, int payload, int sentence, boolean tense, int modifier) {
            if (cues == MAX_CUES) {
                int weakest = 0;
                for (int k = 1; k < cues; k++) {
                    if (cueWeight[k] < cueWeight[weakest]) {
                        weakest = k;
                    }
                }
                if (!(w > cueWeight[weakest])) {
                    return;
                }
                int moved = cues - weakest - 1;
                System.arraycopy(cueWeight, weakest + 1, cueWeight, weakest, moved);
                System.arraycopy(cuePayload, weakest + 1, cuePayload, weakest, moved);
                System.arraycopy(cueSentence, weakest + 1, cueSentence, weakest, moved);
                System.arraycopy(cueTense, weakest + 1, cueTense, weakest, moved);
                System.arraycopy(cueModifier, weakest + 1, cueModifier, weakest, moved);
                cues--;
            }
            cueWeight[cues] = round(w);
            cuePayload[cues] = payload;
            cueSentence[cues] = sentence;
            cueTense[cues] = tense;
            cueModifier[cues] = modifier;
            cues++;
        }

        /** Room for a candidate phrase start per token. */
        int[] candidates(int tokens) {
            if (phraseStarts.length < tokens) {
                phraseStarts = new int[Math.max(tokens, phraseStarts.length * 2)];
            }
            return phraseStarts;
        }

        int[] modifierHits() {
            if (modifiers.length < hits) {
                modifiers = new int[hitPayload.length];
            }
            return modifiers;
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
