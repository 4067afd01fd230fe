package dev.newsmon.processor.signals;

/** A subject event waiting in the reorder buffer: its record timestamp (event time) travels with it. */
public record Buffered(String subject, long timestamp, SubjectEvent event) {
}
