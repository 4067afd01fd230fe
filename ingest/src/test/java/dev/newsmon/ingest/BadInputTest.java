package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.read.Draft;
import dev.newsmon.ingest.read.InputReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gives one error line naming the source and cause; the good input around it still reads. */
class BadInputTest {

    @TempDir
    Path tmp;

    private static String onlyError(CollectedProblems p) {
        assertEquals(1, p.errors.size(), () -> "errors: " + p.errors);
        String e = p.errors.get(0);
        assertFalse(e.contains("\n"), e);
        return e;
    }

    @Test
    void missingFile() {
        CollectedProblems p = new CollectedProblems();
        ArticleFiles.read(tmp.resolve("nope.txt"), p);
        assertEquals(tmp.resolve("nope.txt") + ": no such file or directory", onlyError(p));
    }

    @Test
    void emptyFileAndTitleOnlyFile() {
        CollectedProblems p = new CollectedProblems();
        ArticleFiles.read(Fixtures.path("empty.txt"), p);
        assertTrue(onlyError(p).endsWith("empty.txt: empty file"), p.errors.toString());
        CollectedProblems q = new CollectedProblems();
        ArticleFiles.read(Fixtures.path("title-only.txt"), q);
        assertTrue(onlyError(q).endsWith("title-only.txt: no article text left after removing furniture"),
                q.errors.toString());
    }

    @Test
    void binaryFile() {
        CollectedProblems p = new CollectedProblems();
        ArticleFiles.read(Fixtures.path("binary.txt"), p);
        assertTrue(onlyError(p).endsWith("binary.txt: binary file, not text"), p.errors.toString());
    }

    @Test
    void randomBytesWithoutNulAreBinaryToo() throws IOException {
        // Random data with no NUL and few control bytes: what tells it apart is that it is barely UTF-8.
        byte[] noise = new byte[300];
        new java.util.Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if ((noise[i] & 0xff) < 0x20) {
                noise[i] = (byte) 0x80;
            }
        }
        Path file = tmp.resolve("noise.txt");
        Files.write(file, noise);
        CollectedProblems p = new CollectedProblems();

        ArticleFiles.read(file, p);

        assertTrue(onlyError(p).endsWith("noise.txt: binary file, not text"), p.errors.toString());
    }

    @Test
    void invalidUtf8IsReplacedWithAWarningNamingTheLine() {
        CollectedProblems p = new CollectedProblems();
        List<Article> articles = ArticleFiles.read(Fixtures.path("latin1.txt"), p);
        assertEquals(List.of(), p.errors);
        assertEquals(1, p.warnings.size());
        assertTrue(p.warnings.get(0).endsWith("latin1.txt:1: invalid UTF-8, replaced with U+FFFD"), p.warnings.toString());
        assertEquals("Latin-1 headline about caf\ufffd diplomacy", articles.get(0).title());
    }

    @Test
    void oversizeBodyIsRejectedWithTheLimit() throws IOException {
        Path big = tmp.resolve("big.jsonl");
        String body = "word ".repeat(500);
        Files.writeString(big, "{\"title\":\"ok\",\"body\":\"short body\"}\n{\"title\":\"big\",\"body\":\"" + body + "\"}\n");
        CollectedProblems p = new CollectedProblems();
        List<Article> out = new ArrayList<>();
        ArticleAssembler assembler = new ArticleAssembler(1024, null);
        new InputReader(1024, null).readPath(big, d -> {
            Article a = assembler.assemble(d, Instant.EPOCH, p);
            if (a != null) {
                out.add(a);
            }
        }, p);
        assertEquals(big + ":2: body is 2.4 KiB, over --max-body 1.0 KiB", onlyError(p));
        assertEquals(1, out.size());

        Path bigText = tmp.resolve("big.txt");
        Files.writeString(bigText, "Title\n" + "word ".repeat(30_000));
        CollectedProblems q = new CollectedProblems();
        new InputReader(1024, null).readPath(bigText, d -> { }, q);
        assertTrue(onlyError(q).startsWith(bigText + ": 146.5 KiB, over the 65.0 KiB"), q.errors.toString());
    }

    @Test
    void malformedJsonLineNamesFileAndLineAndTheOtherLinesGetThrough() {
        CollectedProblems p = new CollectedProblems();
        List<Article> articles = ArticleFiles.read(Fixtures.path("malformed-line.jsonl"), p);
        String e = onlyError(p);
        assertTrue(e.contains("malformed-line.jsonl:2: malformed JSON: "), e);
        assertEquals(List.of("First good line", "Third good line"), articles.stream().map(Article::title).toList());
    }

    @Test
    void jsonLineMissingTitleOrWithBadDate() throws IOException {
        Path f = tmp.resolve("fields.jsonl");
        Files.writeString(f, "{\"body\":\"no title here\"}\n\n{\"title\":\"t\",\"body\":\"b\",\"published\":\"soon\"}\n[1,2]\n");
        CollectedProblems p = new CollectedProblems();
        ArticleFiles.read(f, p);
        assertEquals(3, p.errors.size(), p.errors.toString());
        assertEquals(f + ":1: missing title", p.errors.get(0));
        assertEquals(f + ":3: published 'soon' is not a date", p.errors.get(1));
        assertTrue(p.errors.get(2).startsWith(f + ":4: malformed JSON: "), p.errors.get(2));
    }

    @Test
    void malformedFeed() {
        CollectedProblems p = new CollectedProblems();
        ArticleFiles.read(Fixtures.path("malformed.xml"), p);
        assertTrue(onlyError(p).matches(".*malformed\\.xml:4: malformed feed: .*"), p.errors.toString());
    }

    @Test
    void xxeFeedIsRejectedNotExpanded() {
        CollectedProblems p = new CollectedProblems();
        List<Article> articles = ArticleFiles.read(Fixtures.path("xxe.xml"), p);
        assertTrue(articles.isEmpty());
        String e = onlyError(p);
        assertTrue(e.contains("xxe.xml:2: feed declares a DTD; refused"), e);
        assertFalse(e.contains("root:"), "nothing from /etc/passwd may leak: " + e);
    }

    @Test
    void billionLaughsFeedIsRejectedNotExpanded() {
        CollectedProblems p = new CollectedProblems();
        List<Article> articles = ArticleFiles.read(Fixtures.path("billion-laughs.xml"), p);
        assertTrue(articles.isEmpty());
        assertTrue(onlyError(p).contains("billion-laughs.xml:"), p.errors.toString());
        assertTrue(p.errors.get(0).contains("refused"), p.errors.toString());
    }

    @Test
    void strictReadThrowsOneLineIngestException() {
        IngestException e = assertThrows(IngestException.class,
                () -> ArticleFiles.read(Fixtures.path("malformed-line.jsonl")));
        assertTrue(e.getMessage().contains("malformed-line.jsonl:2: malformed JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aDirectoryWithOneBadFileStillYieldsTheGoodOnes() throws IOException {
        Path dir = tmp.resolve("mixed");
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(Fixtures.path("scraped-wire.txt"), dir.resolve("sub/a.txt"));
        Files.copy(Fixtures.path("empty.txt"), dir.resolve("b.txt"));
        Files.copy(Fixtures.path("good.jsonl"), dir.resolve("c.jsonl"));
        Files.writeString(dir.resolve("notes.md"), "ignored: not an article format");
        CollectedProblems p = new CollectedProblems();
        List<Article> articles = ArticleFiles.read(dir, p);
        assertEquals(List.of(dir.resolve("b.txt") + ": empty file"), p.errors);
        assertEquals(3, articles.size());
    }

    @Test
    void stdinFormatIsSniffed() {
        CollectedProblems p = new CollectedProblems();
        List<Draft> drafts = new ArrayList<>();
        new InputReader(1 << 20, null).readStream("stdin",
                new java.io.ByteArrayInputStream("{\"title\":\"t\",\"body\":\"b\"}\n".getBytes()), drafts::add, p);
        assertEquals("stdin:1", drafts.get(0).where());
        assertEquals("t", drafts.get(0).title());
    }
}
