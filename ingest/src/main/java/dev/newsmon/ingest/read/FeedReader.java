package dev.newsmon.ingest.read;

import dev.newsmon.ingest.IngestException;
import dev.newsmon.ingest.Problems;
import dev.newsmon.ingest.meta.PublishedDates;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 (and 1.0) items and Atom entries with StAX. DTDs and external entities are disabled and a
 * document that declares a DTD is refused outright, so an XXE or billion-laughs feed is rejected, not expanded.
 */
public final class FeedReader {

    private static final XMLInputFactory FACTORY = secureFactory();

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Item fields as the feed states them. */
    private static final class Item {
        final int line;
        String title;
        String link;
        String id;
        String summary;
        String content;
        String published;
        String updated;
        String source;

        Item(int line) {
            this.line = line;
        }
    }

    private FeedReader() {
    }

    /** Reports a malformed or unsafe feed as one error; otherwise emits one draft per usable item. */
    public static void read(String name, byte[] xml, int len, Consumer<Draft> out, Problems problems) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml, 0, len));
            String feedTitle = null;
            boolean sawRoot = false;
            Item item = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    problems.error(name + ":" + r.getLocation().getLineNumber()
                            + ": feed declares a DTD; refused (entity expansion and external entities are disabled)");
                    return;
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    problems.error(name + ":" + r.getLocation().getLineNumber() + ": undeclared entity &"
                            + r.getLocalName() + "; refused");
                    return;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    if (event == XMLStreamConstants.END_ELEMENT && item != null && isItem(r.getLocalName())) {
                        emit(name, item, feedTitle, out, problems);
                        item = null;
                    }
                    continue;
                }
                String el = r.getLocalName();
                if (!sawRoot) {
                    sawRoot = true;
                    if (!el.equals("rss") && !el.equals("feed") && !el.equals("RDF")) {
                        problems.error(name + ":" + r.getLocation().getLineNumber()
                                + ": malformed feed: root element <" + el + "> is not rss, feed or rdf:RDF");
                        return;
                    }
                    continue;
                }
                if (isItem(el)) {
                    item = new Item(r.getLocation().getLineNumber());
                } else if (item == null) {
                    if (el.equals("title") && feedTitle == null) {
                        feedTitle = text(r);
                    }
                } else {
                    readField(r, el, item);
                }
            }
            if (!sawRoot) {
                problems.error(name + ": malformed feed: no root element");
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : -1;
            problems.error(name + (line > 0 ? ":" + line : "") + ": malformed feed: " + cause(e));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Nothing to release beyond the byte array.
                }
            }
        }
    }

    private static boolean isItem(String el) {
        return el.equals("item") || el.equals("entry");
    }

    private static void readField(XMLStreamReader r, String el, Item item) throws XMLStreamException {
        switch (el) {
            case "title":
                item.title = text(r);
                break;
            case "link":
                String href = r.getAttributeValue(null, "href");
                String rel = r.getAttributeValue(null, "rel");
                if (href != null) {
                    if (rel == null || rel.equals("alternate")) {
                        item.link = href;
                    }
                    text(r);
                } else {
                    item.link = text(r);
                }
                break;
            case "guid":
            case "id":
                item.id = text(r);
                break;
            case "description":
            case "summary":
                item.summary = text(r);
                break;
            case "encoded":
            case "content":
                item.content = text(r);
                break;
            case "pubDate":
            case "published":
            case "issued":
            case "date":
                item.published = text(r);
                break;
            case "updated":
            case "modified":
                item.updated = text(r);
                break;
            case "source":
                item.source = text(r);
                break;
            default:
                break;
        }
    }

    /** All text inside the current element, nested markup (Atom xhtml content) flattened to text. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    sb.append(r.getText());
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    depth++;
                    sb.append('<').append(r.getLocalName()).append('>');
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    depth--;
                    if (depth > 0) {
                        sb.append("</").append(r.getLocalName()).append('>');
                    }
                    break;
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new XMLStreamException("undeclared entity &" + r.getLocalName() + "; refused", r.getLocation());
                default:
                    break;
            }
        }
        return sb.toString().strip();
    }

    private static void emit(String name, Item item, String feedTitle, Consumer<Draft> out, Problems problems) {
        String where = name + ":" + item.line;
        String title = Html.toText(item.title);
        String body = Html.toText(item.content != null && !item.content.isBlank() ? item.content : item.summary);
        if (title == null || title.isBlank()) {
            problems.error(where + ": feed item has no title");
            return;
        }
        if (body == null || body.isBlank()) {
            problems.error(where + ": feed item has no description or content");
            return;
        }
        String stated = item.published != null ? item.published : item.updated;
        Instant published = stated == null ? null : PublishedDates.parse(stated);
        String url = item.link != null && !item.link.isBlank() ? item.link.strip()
                : item.id != null && item.id.startsWith("http") ? item.id.strip() : null;
        String source = item.source != null && !item.source.isBlank() ? item.source.strip()
                : feedTitle != null && !feedTitle.isBlank() ? Html.toText(feedTitle).strip() : null;
        out.accept(new Draft(where, null, url, source, title, body, published, null));
    }

    private static String cause(XMLStreamException e) {
        String m = e.getMessage();
        if (m == null) {
            return "unreadable XML";
        }
        int i = m.indexOf("Message: ");
        return IngestException.oneLine(i >= 0 ? m.substring(i + 9) : m);
    }
}
