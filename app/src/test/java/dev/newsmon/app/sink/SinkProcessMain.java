package dev.newsmon.app.sink;

import dev.newsmon.sink.SinkCommand;
import picocli.CommandLine;

/** Runs {@code newsmon sink} alone in a JVM, so a test can SIGKILL it. */
public final class SinkProcessMain {
    private SinkProcessMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SinkCommand()).execute(args));
    }
}
