package dev.newsmon.common;

import java.util.regex.Pattern;

/** Topic names: the one place they are spelled. */
public final class Topics {
    public static final String ARTICLES = "news.articles";
    public static final String DEAD_LETTER = "news.dlq";
    public static final String CLASSIFIED = "news.classified";
    public static final String SIGNALS = "news.signals";
    public static final String FAILED_DELIVERIES = "news.failed-deliveries";
    public static final String ALERTS_PREFIX = "news.alerts.";

    /** Theme names become topic suffixes, so they are restricted to what every Kafka tool handles. */
    public static final Pattern THEME_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** Matches every per-theme alert topic, including themes added after a consumer subscribed. */
    public static final Pattern ALERTS_PATTERN = Pattern.compile(Pattern.quote(ALERTS_PREFIX) + "[a-z][a-z0-9_]*");

    private Topics() {
    }

    public static String alerts(String theme) {
        if (!THEME_NAME.matcher(theme).matches()) {
            throw new IllegalArgumentException("theme name '" + theme + "' must match " + THEME_NAME.pattern());
        }
        return ALERTS_PREFIX + theme;
    }

    /** The theme of an alert topic, or null if the topic is not one. */
    public static String themeOf(String topic) {
        return ALERTS_PATTERN.matcher(topic).matches() ? topic.substring(ALERTS_PREFIX.length()) : null;
    }
}
