package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsmon.ingest.watch.InboxWatcher;
import dev.newsmon.ingest.watch.SentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxWatcherTest {

    @TempDir
    Path tmp;

    @Test
    void ingestsStableNewFilesOnceAcrossRestartsAndAgainWhenChanged() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path state = tmp.resolve("state/inbox.sent");
        List<String> ingested = new ArrayList<>();
        Files.writeString(inbox.resolve("a.txt"), "Title\nBody.");
        Files.writeString(inbox.resolve(".hidden.txt"), "Title\nBody.");
        Files.writeString(inbox.resolve("b.txt.part"), "Title\nBody.");

        try (SentFiles sent = new SentFiles(state)) {
            InboxWatcher w = new InboxWatcher(inbox, sent, f -> ingested.add(f.getFileName().toString()),
                    Duration.ofMillis(10));
            assertEquals(0, w.scan(), "first sighting: wait until the file holds still");
            assertEquals(1, w.scan());
            assertEquals(0, w.scan());
        }
        assertEquals(List.of("a.txt"), ingested);

        // A restart with the same state file sends nothing again, but picks up a new file.
        Files.writeString(inbox.resolve("c.jsonl"), "{\"title\":\"t\",\"body\":\"b\"}\n");
        try (SentFiles sent = new SentFiles(state)) {
            InboxWatcher w = new InboxWatcher(inbox, sent, f -> ingested.add(f.getFileName().toString()),
                    Duration.ofMillis(10));
            w.scan();
            w.scan();
            w.scan();
            Files.writeString(inbox.resolve("a.txt"), "Title\nBody, edited.");
            Files.setLastModifiedTime(inbox.resolve("a.txt"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
            w.scan();
            w.scan();
        }
        assertEquals(List.of("a.txt", "c.jsonl", "a.txt"), ingested);
    }
}
