package dev.newsmon.ingest;

import java.util.ArrayList;
import java.util.List;

/** Records problems instead of printing them. */
final class CollectedProblems implements Problems {
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void error(String message) {
        errors.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }
}
