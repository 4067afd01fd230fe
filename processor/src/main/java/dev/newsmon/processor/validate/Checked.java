package dev.newsmon.processor.validate;

import dev.newsmon.common.Article;
import dev.newsmon.common.DeadLetter;

/** Validation outcome: either an article to classify or the dead letter that explains why not. */
public record Checked(Article article, DeadLetter rejected) {
    public boolean valid() {
        return rejected == null;
    }
}
