package dev.newsmon.ingest.read;

import dev.newsmon.ingest.Format;
import dev.newsmon.ingest.Problems;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens files, directories (recursively) and streams, decides each one's format (flag, else extension,
 * else first bytes), rejects empty, binary and oversize input, and hands the rest to the format's reader.
 */
public final class InputReader {
    private static final int HEAD = 8192;
    /** A scraped file may carry a little furniture beyond its body. */
    private static final long TEXT_SLACK = 64 * 1024;
    /** A feed holds many items; it may be this many bodies long. */
    private static final long FEED_BODIES = 32;

    private final long maxBodyBytes;
    private final Format override;
    private final JsonLinesReader jsonLines;
    private final AtomicLong bytesRead = new AtomicLong();

    public InputReader(long maxBodyBytes, Format override) {
        this.maxBodyBytes = maxBodyBytes;
        this.override = override;
        this.jsonLines = new JsonLinesReader(maxBodyBytes);
    }

    /** Bytes read from files so far, for progress. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** The files a path stands for: itself, or every readable-format file under a directory, in name order. */
    public static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Format.byName(p) != null)
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Reads a file or a directory tree. */
    public void readPath(Path path, Consumer<Draft> out, Problems problems) {
        List<Path> files;
        try {
            if (!Files.exists(path)) {
                problems.error(path + ": no such file or directory");
                return;
            }
            files = expand(path);
        } catch (IOException e) {
            problems.error(path + ": cannot list: " + e.getMessage());
            return;
        }
        if (files.isEmpty()) {
            problems.error(path + ": no .txt, .jsonl, .xml, .rss or .atom files in this directory");
            return;
        }
        for (Path file : files) {
            readFile(file, out, problems);
        }
    }

    public void readFile(Path file, Consumer<Draft> out, Problems problems) {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                problems.error(name + (Files.exists(file) ? ": not a regular file" : ": no such file"));
                return;
            }
            long size = Files.size(file);
            try (InputStream in = new CountingInputStream(Files.newInputStream(file), bytesRead)) {
                read(name, in, size, Format.byName(file), out, problems);
            }
        } catch (NoSuchFileException e) {
            problems.error(name + ": no such file");
        } catch (IOException e) {
            problems.error(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads a stream whose size is unknown (stdin); the format comes from the flag or the first bytes. */
    public void readStream(String name, InputStream in, Consumer<Draft> out, Problems problems) {
        try {
            read(name, in, -1, null, out, problems);
        } catch (IOException e) {
            problems.error(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads a fetched feed document. */
    public void readFeed(String name, byte[] body, Consumer<Draft> out, Problems problems) {
        if (checkHead(name, body, body.length, problems)) {
            FeedReader.read(name, body, body.length, out, problems);
        }
    }

    private void read(String name, InputStream raw, long size, Format byName, Consumer<Draft> out, Problems problems)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        if (!checkHead(name, head, head.length, problems)) {
            return;
        }
        Format format = override != null ? override : byName != null ? byName : Format.sniff(head, head.length);
        switch (format) {
            case JSONL:
                jsonLines.read(name, in, out, problems);
                return;
            case FEED:
                byte[] xml = readLimited(name, in, size, maxBodyBytes * FEED_BODIES, problems);
                if (xml != null) {
                    FeedReader.read(name, xml, xml.length, out, problems);
                }
                return;
            default:
                byte[] text = readLimited(name, in, size, maxBodyBytes + TEXT_SLACK, problems);
                if (text != null) {
                    String decoded = TextBytes.decode(name, text, text.length, problems);
                    if (decoded != null) {
                        out.accept(Draft.scraped(name, decoded));
                    }
                }
        }
    }

    /** Empty and binary input is refused before any parser sees it. */
    private static boolean checkHead(String name, byte[] head, int len, Problems problems) {
        if (TextBytes.isBlank(head, TextBytes.hasBom(head, len) ? 3 : 0, len)) {
            problems.error(name + ": empty file");
            return false;
        }
        if (TextBytes.looksBinary(head, len)) {
            problems.error(name + ": binary file, not text");
            return false;
        }
        return true;
    }

    private static byte[] readLimited(String name, InputStream in, long size, long limit, Problems problems)
            throws IOException {
        if (size > limit) {
            problems.error(name + ": " + Sizes.human(size) + ", over the " + Sizes.human(limit)
                    + " this format allows with --max-body");
            return null;
        }
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
        if (b.length > limit) {
            problems.error(name + ": over the " + Sizes.human(limit) + " this format allows with --max-body");
            return null;
        }
        return b;
    }
}
