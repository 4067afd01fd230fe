package dev.newsmon.ingest;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.read.InputReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads articles from scraped text, JSON Lines and RSS/Atom files (a directory recursively), cleaned
 * exactly as {@code newsmon ingest} publishes them. For commands that work on files without Kafka.
 */
public final class ArticleFiles {
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    private ArticleFiles() {
    }

    /**
     * Every article in the file or directory tree, in file order.
     *
     * @throws IngestException on the first bad input, with a one-line "file:line: cause" message
     */
    public static List<Article> read(Path fileOrDir) {
        return read(fileOrDir, Problems.STRICT);
    }

    /** As {@link #read(Path)}, but bad items go to {@code problems} and the rest are still returned. */
    public static List<Article> read(Path fileOrDir, Problems problems) {
        List<Article> out = new ArrayList<>();
        ArticleAssembler assembler = new ArticleAssembler(DEFAULT_MAX_BODY, null);
        Instant now = Instant.now();
        new InputReader(DEFAULT_MAX_BODY, null).readPath(fileOrDir, draft -> {
            Article a = assembler.assemble(draft, now, problems);
            if (a != null) {
                out.add(a);
            }
        }, problems);
        return out;
    }
}
