package dev.newsmon.sink.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ids of alerts the webhook has finished with (delivered, or handed to failed-deliveries), one per line,
 * fsynced. It lets a restarted sink skip alerts that were delivered but whose offsets were not yet committed.
 * A torn last line is ignored: that id was not finished, so it is delivered again.
 */
public final class DeliveryLog implements AutoCloseable {
    private final Path file;
    private final Set<String> done = new HashSet<>();
    private final FileChannel channel;

    public DeliveryLog(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            int keep = text.lastIndexOf('\n') + 1;
            for (String line : text.substring(0, keep).split("\n")) {
                int tab = line.indexOf('\t');
                String id = tab < 0 ? line : line.substring(0, tab);
                if (!id.isBlank()) {
                    done.add(URLDecoder.decode(id, StandardCharsets.UTF_8));
                }
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // Cut a torn tail so the next append starts on a fresh line.
            channel.truncate(text.substring(0, keep).getBytes(StandardCharsets.UTF_8).length);
            channel.position(channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open webhook delivery log " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized boolean contains(String id) {
        return done.contains(id);
    }

    /** Records the ids with an outcome ("delivered" or "failed"), durably, before returning. */
    public synchronized void record(List<String> ids, String outcome) {
        StringBuilder s = new StringBuilder();
        // Ids are free text; encoded, a tab or newline inside one cannot break the line format.
        ids.forEach(id -> s.append(URLEncoder.encode(id, StandardCharsets.UTF_8)).append('\t').append(outcome).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(s.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        done.addAll(ids);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a log we only appended to and fsynced: nothing left to lose
        }
    }
}
