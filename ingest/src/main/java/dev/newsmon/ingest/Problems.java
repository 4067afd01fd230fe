package dev.newsmon.ingest;

/** Where readers report bad input without stopping the run. Messages are one line each. */
public interface Problems {

    /** The item named in the message was not ingested. */
    void error(String message);

    /** The item was ingested but repaired, e.g. invalid UTF-8 replaced with U+FFFD. */
    void warn(String message);

    /** Fails on the first error and prints warnings to stderr: the contract of {@link ArticleFiles#read}. */
    Problems STRICT = new Problems() {
        @Override
        public void error(String message) {
            throw new IngestException(message);
        }

        @Override
        public void warn(String message) {
            System.err.println("warning: " + message);
        }
    };
}
