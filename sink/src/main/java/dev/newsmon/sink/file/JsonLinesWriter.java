package dev.newsmon.sink.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Alert;
import dev.newsmon.common.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends alerts to {@code <dir>/YYYY-MM-DD.jsonl} (UTC date of delivery), one JSON object a line.
 * The files double as the de-duplication index: every id already in them is refused, so alerts re-read
 * after a crash (delivered but not yet committed) are written once. Appends are buffered until
 * {@link #flush()}, which writes and fsyncs them; the caller commits offsets only after that.
 */
public final class JsonLinesWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JsonLinesWriter.class);
    public static final String SUFFIX = ".jsonl";
    static final String LOCK_FILE = ".sink.lock";

    private final Path dir;
    private final Clock clock;
    private final Set<String> written = new HashSet<>();
    private final Map<String, String> pending = new LinkedHashMap<>();
    private LocalDate openDay;
    private FileChannel channel;
    private FileChannel lockChannel;
    /** False when another running sink owns the directory: ids are still checked, nothing is written. */
    private boolean owner = true;

    private JsonLinesWriter(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Opens {@code dir}, repairing a torn last line left by a kill mid-write, and indexes every alert id in it. */
    public static JsonLinesWriter open(Path dir, Clock clock) {
        return open(dir, clock, false);
    }

    /**
     * As {@link #open(Path, Clock)}; with {@code mayShare}, a directory that another running sink owns is not an
     * error: this writer then only indexes the ids already there and writes nothing, so a second sink that exists
     * for its webhook or feed can run beside the one that keeps the files.
     */
    public static JsonLinesWriter open(Path dir, Clock clock, boolean mayShare) {
        JsonLinesWriter writer = new JsonLinesWriter(dir, clock);
        try {
            Files.createDirectories(dir);
            writer.owner = writer.lockDirectory(mayShare);
            for (Path file : files(dir)) {
                if (writer.owner) {
                    repairTornTail(file);
                }
                writer.index(file);
            }
        } catch (IOException e) {
            writer.releaseLock();
            throw new UncheckedIOException("cannot open alerts directory " + dir + ": " + e.getMessage(), e);
        }
        return writer;
    }

    /**
     * Two sinks appending to one directory would each de-duplicate only against what they wrote, so the
     * second one is refused, or with {@code mayShare} writes nothing. The OS drops the lock when a process dies,
     * even by SIGKILL.
     */
    private boolean lockDirectory(boolean mayShare) throws IOException {
        lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another sink in this JVM
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            if (mayShare) {
                return false;
            }
            throw new IllegalStateException("alerts directory " + dir + " is in use by another running sink; "
                    + "give this one its own --alerts-dir (and --group-id, or the two split the alerts between them)");
        }
        return true;
    }

    private void releaseLock() {
        if (lockChannel != null) {
            try {
                lockChannel.close(); // releases the lock
            } catch (IOException e) {
                log.warn("releasing {}: {}", dir.resolve(LOCK_FILE), e.getMessage());
            }
            lockChannel = null;
        }
    }

    /** Whether this alert id is already in a file or waiting for the next flush. */
    public boolean contains(String id) {
        return written.contains(id) || pending.containsKey(id);
    }

    /** Queues the alert for the next flush; false (and nothing queued) if its id was written before. */
    public boolean append(Alert alert) {
        if (contains(alert.id())) {
            return false;
        }
        try {
            pending.put(alert.id(), Json.MAPPER.writeValueAsString(alert) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + alert.id() + " as JSON", e);
        }
        return true;
    }

    /** Whether this writer keeps the files (false: another sink owns the directory). */
    public boolean owner() {
        return owner;
    }

    /** Writes every queued alert to today's file and fsyncs it; returns how many lines were written. */
    public int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        if (!owner) {
            written.addAll(pending.keySet());
            pending.clear();
            return 0;
        }
        StringBuilder lines = new StringBuilder();
        pending.values().forEach(lines::append);
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        try {
            FileChannel ch = channelForToday();
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            // Data only: the length change is covered by force(false) on Linux, and the offset commit waits for it.
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + currentFile() + ": " + e.getMessage(), e);
        }
        int n = pending.size();
        written.addAll(pending.keySet());
        pending.clear();
        return n;
    }

    /** The file today's alerts go to. */
    public Path currentFile() {
        return dir.resolve(LocalDate.now(clock.withZone(ZoneOffset.UTC)) + SUFFIX);
    }

    public int indexedIds() {
        return written.size();
    }

    /** The last {@code n} alerts in the files, oldest first (the Atom feed starts from these). */
    public List<Alert> tail(int n) {
        Deque<Alert> last = new ArrayDeque<>();
        try {
            for (Path file : files(dir)) {
                try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        Alert a = parseOrNull(line, Alert.class);
                        if (a != null) {
                            last.addLast(a);
                            if (last.size() > n) {
                                last.removeFirst();
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(last);
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            closeChannel();
            releaseLock();
        }
    }

    private FileChannel channelForToday() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (channel == null || !today.equals(openDay)) {
            closeChannel();
            Path file = dir.resolve(today + SUFFIX);
            boolean created = !Files.exists(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            openDay = today;
            if (created) {
                syncDirectory();
            }
        }
        return channel;
    }

    /** A new file's directory entry must be durable too, or a power cut could lose a whole day's file. */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open directories; the file's own fsync still holds its data.
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("closing {}: {}", currentFile(), e.getMessage());
            }
            channel = null;
        }
    }

    private void index(Path file) throws IOException {
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                JsonNode node = parseOrNull(line, JsonNode.class);
                JsonNode id = node == null ? null : node.get("id");
                if (id != null && id.isTextual()) {
                    written.add(id.asText());
                } else if (!line.isBlank()) {
                    log.warn("{}:{}: not an alert JSON line, ignored for de-duplication", file, lineNo);
                }
            }
        }
    }

    /**
     * A SIGKILL mid-write can leave a last line without its newline. That alert was never fsynced, so its
     * offset was never committed and it will be re-read: drop the fragment rather than keep half a record.
     */
    static void repairTornTail(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                ch.truncate(keep);
                ch.force(true);
                log.warn("{}: dropped a partial last line ({} bytes) left by an interrupted write", file, size - keep);
            }
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    private static <T> T parseOrNull(String line, Class<T> type) {
        try {
            return Json.MAPPER.readValue(line, type);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
