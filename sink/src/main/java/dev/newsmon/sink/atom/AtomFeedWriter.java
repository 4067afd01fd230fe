package dev.newsmon.sink.atom;

import dev.newsmon.common.Alert;
import dev.newsmon.sink.AlertText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom (RFC 4287) feed file of the latest {@code size} alerts, newest first. The file is replaced
 * atomically (temp file, fsync, rename), so a feed reader never sees half a document.
 */
public final class AtomFeedWriter {
    public static final String NS = "http://www.w3.org/2005/Atom";
    static final String FEED_ID = "urn:newsmon:alerts";
    static final String ENTRY_ID_PREFIX = "urn:newsmon:alert:";

    private final Path file;
    private final int size;
    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private boolean dirty;

    private record Entry(Alert alert, Instant updated) {
    }

    public AtomFeedWriter(Path file, int size, Clock clock) {
        if (size < 1) {
            throw new IllegalArgumentException("atom feed size must be at least 1, got " + size);
        }
        this.file = file;
        this.size = size;
        this.clock = clock;
    }

    /** Starts from alerts already delivered (oldest first), e.g. the tail of the JSON Lines files. */
    public void seed(List<Alert> oldestFirst) {
        oldestFirst.forEach(this::add);
        dirty = true;
    }

    public void add(Alert alert) {
        entries.removeIf(e -> e.alert().id().equals(alert.id()));
        Instant when = AlertText.when(alert);
        entries.addFirst(new Entry(alert, (when != null ? when : clock.instant()).truncatedTo(ChronoUnit.SECONDS)));
        while (entries.size() > size) {
            entries.removeLast();
        }
        dirty = true;
    }

    /** Rewrites the file if anything changed since the last flush. */
    public void flush() {
        if (!dirty) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    write(out);
                }
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Atom feed " + file + ": " + e.getMessage(), e);
        }
        dirty = false;
    }

    void write(OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NS);
            text(x, "id", FEED_ID);
            text(x, "title", "newsmon alerts");
            text(x, "subtitle", "China-South Korea news alerts by theme");
            Instant updated = entries.stream().map(Entry::updated).max(Instant::compareTo)
                    .orElse(clock.instant().truncatedTo(ChronoUnit.SECONDS));
            text(x, "updated", updated.toString());
            x.writeStartElement("author");
            text(x, "name", "newsmon");
            x.writeEndElement();
            text(x, "generator", "newsmon sink");
            for (Entry e : entries) {
                entry(x, e);
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot render Atom XML: " + e.getMessage(), e);
        }
    }

    private static void entry(XMLStreamWriter x, Entry e) throws XMLStreamException {
        Alert a = e.alert();
        x.writeCharacters("\n");
        x.writeStartElement("entry");
        text(x, "id", entryId(a.id()));
        text(x, "title", "[" + AlertText.severity(a) + "] " + a.theme() + " " + (a.kind() == null ? "alert" : a.kind()));
        text(x, "updated", e.updated().toString());
        category(x, a.theme());
        if (a.severity() != null) {
            category(x, a.severity().wire());
        }
        for (Alert.AlertArticle art : a.articles()) {
            if (art.url() != null && art.url().startsWith("http")) {
                x.writeEmptyElement("link");
                x.writeAttribute("rel", "related");
                x.writeAttribute("href", xmlSafe(art.url()));
                if (art.title() != null) {
                    x.writeAttribute("title", xmlSafe(art.title()));
                }
            }
        }
        x.writeStartElement("summary");
        x.writeAttribute("type", "text");
        x.writeCharacters(xmlSafe(AlertText.headline(a)));
        x.writeEndElement();
        x.writeStartElement("content");
        x.writeAttribute("type", "text");
        x.writeCharacters(xmlSafe(content(a)));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static String content(Alert a) {
        StringBuilder s = new StringBuilder(a.explanation() == null ? "" : a.explanation());
        s.append("\nwindow ").append(a.windowStart()).append(" to ").append(a.windowEnd());
        for (Alert.AlertArticle art : a.articles()) {
            s.append("\n- ").append(art.title() == null ? art.id() : art.title());
            if (art.url() != null) {
                s.append(" <").append(art.url()).append('>');
            }
        }
        return s.toString();
    }

    /** Alert ids are free text; percent-encoding keeps the entry id a valid URI. */
    static String entryId(String alertId) {
        return ENTRY_ID_PREFIX + URLEncoder.encode(alertId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void category(XMLStreamWriter x, String term) throws XMLStreamException {
        x.writeEmptyElement("category");
        x.writeAttribute("term", xmlSafe(term));
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(value));
        x.writeEndElement();
    }

    /** XML 1.0 forbids most control characters; one stray byte in an explanation must not break the feed. */
    static String xmlSafe(String s) {
        return s == null ? "" : s.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "\uFFFD");
    }
}
