package dev.newsmon.sink.atom;

import static dev.newsmon.sink.TestAlerts.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Severity;
import dev.newsmon.sink.TestAlerts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class AtomFeedWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesAValidAtomFeedOfTheLatestAlertsNewestFirst() throws Exception {
        Path feed = dir.resolve("alerts.atom");
        AtomFeedWriter w = new AtomFeedWriter(feed, 3, Clock.systemUTC());
        w.seed(List.of(alert("old1", "chips", Severity.INFO), alert("old2", "chips", Severity.INFO)));
        w.add(alert("new1", "taiwan", Severity.CRITICAL));
        Alert tricky = new Alert("weird id & <tag>", "north_korea", "flip", Severity.WARNING, null, null, Map.of(),
                "ties \"thaw\" & <warming>\u0007", List.of(), List.of(), Instant.parse("2026-10-04T01:02:03.456Z"));
        w.add(tricky);
        w.flush();

        Element root = parse(feed).getDocumentElement();
        assertEquals(AtomFeedWriter.NS, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        for (String required : List.of("id", "title", "updated", "author")) {
            assertNotNull(child(root, required), "feed needs <" + required + ">");
        }
        rfc3339(text(child(root, "updated")));
        List<Element> entries = children(root, "entry");
        assertEquals(3, entries.size(), "capped at the feed size");
        Set<String> ids = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (Element e : entries) {
            String id = text(child(e, "id"));
            java.net.URI.create(id); // must be a valid IRI/URI
            assertFalse(!ids.add(id), "entry ids are unique");
            rfc3339(text(child(e, "updated")));
            titles.add(text(child(e, "title")));
        }
        assertEquals(List.of("[WARNING] north_korea flip", "[CRITICAL] taiwan spike", "[INFO] chips spike"), titles);
        assertEquals(AtomFeedWriter.entryId("weird id & <tag>"), text(child(entries.get(0), "id")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(feed), files.toList(), "no temp file left behind");
        }
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        Path feed = dir.resolve("empty.atom");
        AtomFeedWriter w = new AtomFeedWriter(feed, 5, Clock.fixed(TestAlerts.T0, java.time.ZoneOffset.UTC));
        w.seed(List.of());
        w.flush();
        Element root = parse(feed).getDocumentElement();
        assertEquals(TestAlerts.T0.toString(), text(child(root, "updated")));
        assertEquals(0, children(root, "entry").size());
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static void rfc3339(String s) {
        OffsetDateTime.parse(s); // Atom dates are RFC 3339 date-times
    }

    static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && AtomFeedWriter.NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element e) {
        return e.getTextContent();
    }
}
