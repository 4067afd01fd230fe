package dev.newsmon.ingest.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids this machine has already published to one cluster, one per line, so running ingest again on
 * the same files publishes nothing new. Only acknowledged records are written. Thread-safe.
 */
public final class PublishedLedger implements AutoCloseable {
    private final Path file;
    private final Set<String> ids;
    private BufferedWriter out;

    private PublishedLedger(Path file, Set<String> ids) {
        this.file = file;
        this.ids = ids;
    }

    /** The ledger for {@code clusterId} under {@code stateDir}; created on the first recorded id. */
    public static PublishedLedger open(Path stateDir, String clusterId) {
        Path file = stateDir.resolve("ingest-ledger").resolve(safe(clusterId) + ".ids");
        Set<String> ids = new HashSet<>();
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        ids.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ingest ledger " + file + ": " + e.getMessage(), e);
            }
        }
        return new PublishedLedger(file, ids);
    }

    /** A ledger that remembers nothing across runs. */
    public static PublishedLedger none() {
        return new PublishedLedger(null, new HashSet<>());
    }

    public Path file() {
        return file;
    }

    public synchronized boolean contains(String id) {
        return ids.contains(id);
    }

    public synchronized int size() {
        return ids.size();
    }

    /** Records an acknowledged id. */
    public synchronized void record(String id) {
        if (!ids.add(id) || file == null) {
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            out.write(id);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ingest ledger " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write ingest ledger " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        flush();
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close ingest ledger " + file + ": " + e.getMessage(), e);
            }
            out = null;
        }
    }

    private static String safe(String clusterId) {
        return clusterId.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
