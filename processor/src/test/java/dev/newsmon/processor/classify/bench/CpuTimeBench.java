package dev.newsmon.processor.classify.bench;

import dev.newsmon.common.Article;
import dev.newsmon.processor.classify.Classifier;
import dev.newsmon.processor.classify.Gazetteer;
import dev.newsmon.processor.classify.Themes;
import dev.newsmon.processor.classify.text.Tokenizer;
import dev.newsmon.processor.classify.text.Tokens;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JMH figures swing with the load on a shared machine; this counts the benchmark thread's own CPU time
 * instead, so a loaded machine slows the run down but barely moves the articles/s. Contenders run
 * interleaved, round by round, on the same documents as {@link ClassifierBenchmark}; the median round counts.
 * With {@code --old JAR} the classify classes of that jar (an earlier build) run alongside, for a before/after
 * ratio in one run: {@code java -cp <test classpath> ...CpuTimeBench [--old old-classify.jar] [rounds]}.
 */
public final class CpuTimeBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Enough rounds for the JIT to settle: the classifier's last compilations land after a few seconds. */
    private static final int WARM_UP_ROUNDS = 10;
    /** Passes over the documents per contender and round: about a tenth of a second of classifying. */
    private static final int REPS = 100;

    interface Task {
        Object run(Article a) throws Throwable;
    }

    public static void main(String[] args) throws Throwable {
        String oldJar = null;
        int rounds = 15;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--old")) {
                oldJar = args[++i];
            } else {
                rounds = Integer.parseInt(args[i]);
            }
        }
        List<Article> docs = BenchCorpus.load("samples/articles");
        Themes themes = Themes.loadDefault();
        Classifier classifier = new Classifier(themes);
        Tokenizer tokenizer = new Tokenizer();
        Tokens tokens = new Tokens();
        Map<String, Task> tasks = new LinkedHashMap<>();
        tasks.put("classify", classifier::classify);
        tasks.put("tokenize", a -> {
            tokenizer.tokenize(a.title(), a.body(), tokens);
            return tokens;
        });
        if (oldJar != null) {
            ClassLoader old = new ChildFirst(new URL[] {Path.of(oldJar).toUri().toURL()},
                    CpuTimeBench.class.getClassLoader());
            tasks.put("classify (old jar)", oldClassifier(old));
            tasks.put("tokenize (old jar)", oldTokenizer(old));
        }
        try (LuceneBaseline lucene = new LuceneBaseline(themes, Gazetteer.loadDefault())) {
            tasks.put("lucene monitor", a -> lucene.match(a.title(), a.body()));
            run(tasks, docs, rounds);
        }
    }

    private static void run(Map<String, Task> tasks, List<Article> docs, int rounds) throws Throwable {
        System.out.printf("%d documents, %.0f chars on average, %d rounds%n", docs.size(),
                BenchCorpus.averageChars(docs), rounds);
        Map<String, double[]> perRound = new LinkedHashMap<>();
        for (String name : tasks.keySet()) {
            perRound.put(name, new double[rounds]);
        }
        for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
            for (Map.Entry<String, Task> e : tasks.entrySet()) {
                int reps = e.getKey().startsWith("lucene") ? 2 : REPS;
                long t0 = CPU.getCurrentThreadCpuTime();
                Object sink = null;
                for (int k = 0; k < reps; k++) {
                    for (Article a : docs) {
                        sink = e.getValue().run(a);
                    }
                }
                long ns = CPU.getCurrentThreadCpuTime() - t0;
                if (sink == null) {
                    throw new IllegalStateException();
                }
                if (r >= 0) {
                    perRound.get(e.getKey())[r] = reps * docs.size() * 1e9 / ns;
                }
            }
        }
        // Ratios are taken round by round (contenders of one round ran seconds apart, under the same load),
        // then the median of those is reported.
        double[] lucene = perRound.get("lucene monitor");
        double[] old = perRound.get("classify (old jar)");
        for (Map.Entry<String, double[]> e : perRound.entrySet()) {
            double[] v = e.getValue();
            System.out.printf("%-20s %,10.0f articles/s (CPU time; min %,.0f max %,.0f)  %6.1fx lucene%s%n",
                    e.getKey(), median(v), Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0),
                    medianRatio(v, lucene), old == null ? "" : String.format("  %5.2fx old classify",
                            medianRatio(v, old)));
        }
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return median(r);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static Task oldClassifier(ClassLoader old) throws Throwable {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        Class<?> themesClass = old.loadClass(Themes.class.getName());
        Class<?> classifierClass = old.loadClass(Classifier.class.getName());
        Object themes = l.findStatic(themesClass, "loadDefault", MethodType.methodType(themesClass)).invoke();
        Object c = l.findConstructor(classifierClass, MethodType.methodType(void.class, themesClass)).invoke(themes);
        MethodHandle classify = l.findVirtual(classifierClass, "classify",
                MethodType.methodType(dev.newsmon.common.ClassifiedArticle.class, Article.class)).bindTo(c);
        return a -> classify.invoke(a);
    }

    private static Task oldTokenizer(ClassLoader old) throws Throwable {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        Class<?> tokClass = old.loadClass(Tokenizer.class.getName());
        Class<?> tokensClass = old.loadClass(Tokens.class.getName());
        Object tok = tokClass.getConstructor().newInstance();
        Object out = tokensClass.getConstructor().newInstance();
        MethodHandle tokenize = l.findVirtual(tokClass, "tokenize",
                MethodType.methodType(void.class, String.class, String.class, tokensClass)).bindTo(tok);
        return a -> {
            tokenize.invoke(a.title(), a.body(), out);
            return out;
        };
    }

    /** Loads the classify package from the old jar, everything else (common, Jackson) from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.newsmon.processor.classify.") || name.contains(".bench.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = super.loadClass(name, resolve);
                    }
                }
                return c;
            }
        }
    }

    private CpuTimeBench() {
    }
}
