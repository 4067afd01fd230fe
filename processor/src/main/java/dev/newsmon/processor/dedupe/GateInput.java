package dev.newsmon.processor.dedupe;

import dev.newsmon.common.ClassifiedArticle;

/** The syndication gate reads two streams keyed by article id: the article itself and its band verdicts. */
public record GateInput(ClassifiedArticle article, BandVerdict verdict) {
}
