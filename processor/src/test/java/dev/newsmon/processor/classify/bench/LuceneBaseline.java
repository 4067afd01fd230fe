package dev.newsmon.processor.classify.bench;

import dev.newsmon.processor.classify.Gazetteer;
import dev.newsmon.processor.classify.Theme;
import dev.newsmon.processor.classify.Themes;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The baseline: Lucene Monitor with one boolean query per theme, built from the same themes file:
 * strong terms, or a weak term together with a strong or context term, or (for a theme with an actor rule)
 * an alias of every actor in it. Document-level where the classifier is sentence-level, so if anything
 * Lucene's task is the easier one.
 */
final class LuceneBaseline implements Closeable {
    static final String FIELD = "text";
    private final Analyzer analyzer = new StandardAnalyzer();
    private final Monitor monitor;

    LuceneBaseline(Themes themes, Gazetteer gazetteer) throws IOException {
        monitor = new Monitor(analyzer);
        List<MonitorQuery> queries = new ArrayList<>();
        for (Theme t : themes.themes()) {
            queries.add(new MonitorQuery(t.name(), query(t, gazetteer)));
        }
        monitor.register(queries);
    }

    MatchingQueries<QueryMatch> match(String title, String body) throws IOException {
        Document doc = new Document();
        doc.add(new TextField(FIELD, title + "\n" + body, Field.Store.NO));
        return monitor.match(doc, QueryMatch.SIMPLE_MATCHER);
    }

    private Query query(Theme t, Gazetteer g) {
        Query strong = anyOf(t.terms().keySet());
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(strong, Occur.SHOULD);
        if (!t.weak().isEmpty()) {
            List<String> licence = new ArrayList<>(t.terms().keySet());
            licence.addAll(t.context());
            q.add(new BooleanQuery.Builder()
                    .add(anyOf(t.weak().keySet()), Occur.MUST)
                    .add(anyOf(licence), Occur.MUST).build(), Occur.SHOULD);
        }
        if (t.actors() != null) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String id : t.actors().all()) {
                all.add(anyOf(g.aliases().get(id)), Occur.MUST);
            }
            q.add(all.build(), Occur.SHOULD);
        }
        return q.build();
    }

    private Query anyOf(Collection<String> phrases) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String p : phrases) {
            List<String> tokens = tokens(p.endsWith("+") ? p.substring(0, p.length() - 1) : p);
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.size() == 1) {
                b.add(new TermQuery(new Term(FIELD, tokens.get(0))), Occur.SHOULD);
                // StandardAnalyzer does not stem; the plural is a clause of its own.
                b.add(new TermQuery(new Term(FIELD, tokens.get(0) + "s")), Occur.SHOULD);
            } else {
                b.add(new PhraseQuery(FIELD, tokens.toArray(String[]::new)), Occur.SHOULD);
            }
            clauses++;
        }
        if (clauses == 0) {
            b.add(new TermQuery(new Term(FIELD, "\u0000never")), Occur.SHOULD);
        }
        return b.build();
    }

    private List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
        analyzer.close();
    }
}
