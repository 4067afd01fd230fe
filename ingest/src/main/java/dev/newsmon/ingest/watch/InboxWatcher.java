package dev.newsmon.ingest.watch;

import dev.newsmon.ingest.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls an inbox folder and ingests each new or changed file once it has stopped growing (same size and
 * time on two scans), then records it in {@link SentFiles} so a restart does not send it again.
 * Polling rather than WatchService: it behaves the same on every file system, including mounted volumes.
 */
public final class InboxWatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    private final Path inbox;
    private final SentFiles sent;
    private final Consumer<Path> ingest;
    private final Duration poll;
    private final Map<String, SentFiles.Stamp> pending = new HashMap<>();
    private volatile boolean stopped;

    /** {@code ingest} must have published (or reported) the file's articles when it returns. */
    public InboxWatcher(Path inbox, SentFiles sent, Consumer<Path> ingest, Duration poll) {
        this.inbox = inbox;
        this.sent = sent;
        this.ingest = ingest;
        this.poll = poll;
    }

    @Override
    public void run() {
        LOG.info("watching {} for new files every {} ms", inbox, poll.toMillis());
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            try {
                scan();
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException e) {
                LOG.warn("inbox {}: {}", inbox, e.getMessage());
                sleepQuietly();
            }
        }
        LOG.info("stopped watching {}", inbox);
    }

    public void stop() {
        stopped = true;
    }

    /** One pass: ingests the files that are new, changed and stable since the previous pass. Returns how many. */
    public int scan() throws IOException {
        if (!Files.isDirectory(inbox)) {
            throw new NoSuchFileException(inbox + " (inbox folder)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inbox)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(p))
                    .filter(p -> Format.byName(p) != null)
                    .sorted()
                    .collect(Collectors.toList());
        }
        int ingested = 0;
        for (Path file : files) {
            if (stopped) {
                break;
            }
            String rel = inbox.relativize(file).toString();
            SentFiles.Stamp stamp;
            try {
                stamp = new SentFiles.Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (NoSuchFileException e) {
                continue;
            }
            if (sent.isSent(rel, stamp)) {
                pending.remove(rel);
                continue;
            }
            // A file still being written changes between scans; wait until it holds still.
            if (!stamp.equals(pending.put(rel, stamp))) {
                continue;
            }
            pending.remove(rel);
            ingest.accept(file);
            sent.markSent(rel, stamp);
            ingested++;
        }
        return ingested;
    }

    private static boolean hidden(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp");
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
