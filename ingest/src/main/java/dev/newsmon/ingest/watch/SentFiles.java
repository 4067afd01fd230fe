package dev.newsmon.ingest.watch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The inbox files already ingested, by path relative to the inbox, with the size and modification time
 * they had then: an unchanged file is never read twice, an edited one is read again. Appended line by line.
 */
public final class SentFiles implements AutoCloseable {

    /** What a file looked like when it was ingested. */
    public record Stamp(long size, long modifiedMillis) {
    }

    private final Path file;
    private final Map<String, Stamp> sent = new HashMap<>();
    private BufferedWriter out;

    public SentFiles(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t", 3);
                    if (f.length == 3) {
                        sent.put(f[2], new Stamp(Long.parseLong(f[0]), Long.parseLong(f[1])));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("cannot read inbox state " + file + ": " + e.getMessage(), e);
            }
        }
    }

    public synchronized boolean isSent(String relPath, Stamp stamp) {
        return stamp.equals(sent.get(relPath));
    }

    public synchronized int size() {
        return sent.size();
    }

    public synchronized void markSent(String relPath, Stamp stamp) {
        sent.put(relPath, stamp);
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            out.write(stamp.size() + "\t" + stamp.modifiedMillis() + "\t" + relPath + "\n");
            // Flushed per file: a crash right after must not make the restart read it again.
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write inbox state " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close inbox state " + file + ": " + e.getMessage(), e);
            }
            out = null;
        }
    }
}
