package dev.newsmon.processor.dedupe;

import java.time.Instant;

/** One LSH band's answer for an article: the earlier copy it matched there, or none (null original). */
public record BandVerdict(String id, int band, String originalId, Instant originalTime, double similarity) {
}
