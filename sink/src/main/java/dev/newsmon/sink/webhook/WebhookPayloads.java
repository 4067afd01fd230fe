package dev.newsmon.sink.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.Alert;
import dev.newsmon.common.Json;
import dev.newsmon.sink.AlertText;
import dev.newsmon.sink.digest.AlertDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Request bodies: the alert (or digest) JSON as-is, or a Slack message with {@code text} and {@code blocks}. */
public final class WebhookPayloads {
    // Slack rejects messages with more than 50 blocks; leave room for the header and the "more" line.
    private static final int MAX_DIGEST_ALERTS = 40;
    private static final int MAX_ARTICLES = 5;

    private WebhookPayloads() {
    }

    public static byte[] body(WebhookFormat format, Alert alert) {
        return format == WebhookFormat.slack ? bytes(slack(alert)) : bytes(alert);
    }

    public static byte[] body(WebhookFormat format, AlertDigest digest) {
        return format == WebhookFormat.slack ? bytes(slack(digest)) : bytes(digest);
    }

    static ObjectNode slack(Alert a) {
        ObjectNode msg = Json.MAPPER.createObjectNode();
        msg.put("text", "[" + AlertText.severity(a) + "] " + AlertText.headline(a));
        ArrayNode blocks = msg.putArray("blocks");
        StringBuilder body = new StringBuilder("*").append(AlertText.severity(a)).append("* · ")
                .append(escape(a.theme())).append(" · ").append(escape(String.valueOf(a.kind())));
        if (a.explanation() != null) {
            body.append('\n').append(escape(AlertText.oneLine(a.explanation())));
        }
        section(blocks, body.toString());
        List<Alert.AlertArticle> articles = a.articles().stream().limit(MAX_ARTICLES).toList();
        if (!articles.isEmpty()) {
            StringBuilder list = new StringBuilder();
            for (Alert.AlertArticle art : articles) {
                list.append(list.length() == 0 ? "" : "\n").append("• ").append(link(art));
            }
            section(blocks, list.toString());
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "window " + a.windowStart() + " to " + a.windowEnd() + " · id " + escape(a.id()));
        return msg;
    }

    static ObjectNode slack(AlertDigest d) {
        ObjectNode msg = Json.MAPPER.createObjectNode();
        msg.put("text", "[" + d.highest().name() + "] " + AlertText.headline(d));
        ArrayNode blocks = msg.putArray("blocks");
        section(blocks, "*" + escape(AlertText.headline(d)) + "*");
        d.alerts().stream().limit(MAX_DIGEST_ALERTS).forEach(a -> section(blocks,
                "*" + AlertText.severity(a) + "* " + escape(AlertText.headline(a))));
        if (d.alerts().size() > MAX_DIGEST_ALERTS) {
            section(blocks, "… and " + (d.alerts().size() - MAX_DIGEST_ALERTS) + " more");
        }
        return msg;
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    }

    private static String link(Alert.AlertArticle art) {
        String title = escape(art.title() == null ? art.id() : art.title());
        return art.url() == null || art.url().isBlank() ? title : "<" + art.url().replace("|", "%7C") + "|" + title + ">";
    }

    /** Slack mrkdwn treats these three as control characters. */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] bytes(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render webhook body", e);
        }
    }
}
