package dev.newsmon.app.classify;

import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.ClassifiedArticle.Cue;
import dev.newsmon.common.ClassifiedArticle.Dyad;
import dev.newsmon.common.ClassifiedArticle.Evidence;
import dev.newsmon.common.ClassifiedArticle.ThemeMatch;
import dev.newsmon.processor.classify.Explained;
import dev.newsmon.processor.classify.Explained.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The human-readable report of {@code newsmon classify --explain}: scores first, then the sentences that fired. */
final class ExplainReport {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private final boolean ansi;

    ExplainReport(boolean ansi) {
        this.ansi = ansi;
    }

    String render(Article a, Explained e) {
        ClassifiedArticle c = e.result();
        StringBuilder b = new StringBuilder();
        b.append("== ").append(a.title() == null ? "(no title)" : a.title()).append('\n');
        b.append("   id ").append(a.id());
        if (a.url() != null) {
            b.append("  ").append(a.url());
        }
        b.append("  event time ").append(c.eventTime()).append('\n');
        if (c.themes().isEmpty()) {
            b.append("themes: none\n");
        }
        for (ThemeMatch m : c.themes()) {
            b.append(String.format(Locale.ROOT, "theme %-18s %.2f  ", m.theme(), m.score()));
            b.append(m.evidence().stream().map(ExplainReport::evidence).collect(Collectors.joining(", ")));
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "tension %.2f   cooperation %.2f%n", c.tension(), c.cooperation()));
        for (Cue cue : c.cues()) {
            b.append(String.format(Locale.ROOT, "  %-11s %-32s %.2f  %s%s%n", cue.polarity(), quote(cue.cue()),
                    cue.weight(), sentence(cue.sentence()), cue.modifier() == null ? "" : "  (" + cue.modifier() + ")"));
        }
        b.append("actors: ").append(c.actors().isEmpty() ? "none" : String.join(", ", c.actors())).append('\n');
        for (Dyad d : c.dyads()) {
            b.append(String.format(Locale.ROOT, "  %s -> %s   tension %.2f  cooperation %.2f%n",
                    d.from(), d.to(), d.tension(), d.cooperation()));
        }
        b.append(sentences(a, e));
        b.append('\n');
        return b.toString();
    }

    /**
     * Each sentence with evidence, with its tension (T), cooperation (C) and weight (x) when not 1; the evidence
     * in bold on a terminal, or [theme: ...] / {+...} / {-...} elsewhere.
     */
    private String sentences(Article a, Explained e) {
        ClassifiedArticle c = e.result();
        Set<String> shown = c.themes().stream().map(ThemeMatch::theme).collect(Collectors.toSet());
        shown.add("tension");
        shown.add("cooperation");
        List<Span> marks = new ArrayList<>();
        Set<Integer> withEvidence = new TreeSet<>();
        for (Span h : e.highlights()) {
            if (shown.contains(h.label())) {
                marks.add(h);
                withEvidence.add(h.sentence());
            }
        }
        StringBuilder b = new StringBuilder();
        if (!withEvidence.isEmpty()) {
            b.append("evidence:\n");
        }
        for (Span s : e.sentences()) {
            if (!withEvidence.contains(s.sentence())) {
                continue;
            }
            String text = s.sentence() < 0 ? a.title() : a.body();
            b.append(String.format(Locale.ROOT, "  %-5s ", sentence(s.sentence())));
            e.tones().stream().filter(t -> t.sentence() == s.sentence()).findFirst().ifPresent(t ->
                    b.append(String.format(Locale.ROOT, "[T %.2f C %.2f%s] ", t.tension(), t.cooperation(),
                            t.weight() == 1 ? "" : String.format(Locale.ROOT, " x%.1f", t.weight()))));
            int pos = s.start();
            List<Span> inside = marks.stream()
                    .filter(m -> m.sentence() == s.sentence() && m.start() >= s.start() && m.end() <= s.end())
                    .sorted((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start())
                            : Integer.compare(y.end(), x.end()))
                    .toList();
            for (Span m : inside) {
                if (m.start() < pos) {
                    continue; // overlaps an earlier mark
                }
                b.append(text, pos, m.start());
                b.append(mark(text.substring(m.start(), m.end()), m.label()));
                pos = m.end();
            }
            b.append(text, pos, s.end()).append('\n');
        }
        return b.toString();
    }

    private String mark(String surface, String label) {
        if (ansi) {
            return BOLD + surface + RESET;
        }
        return switch (label) {
            case "tension" -> "{-" + surface + "}";
            case "cooperation" -> "{+" + surface + "}";
            default -> "[" + label + ": " + surface + "]";
        };
    }

    private static String evidence(Evidence ev) {
        return String.format(Locale.ROOT, "%s (%s, %.2f)", ev.term(), sentence(ev.sentence()), ev.weight());
    }

    private static String sentence(int s) {
        return s < 0 ? "title" : "s" + s;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
