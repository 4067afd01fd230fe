package dev.newsmon.sink;

import dev.newsmon.common.Alert;

/** An alert together with the record it came from, so a failed delivery can name its source. */
public record Delivery(Alert alert, String topic, int partition, long offset) {
}
