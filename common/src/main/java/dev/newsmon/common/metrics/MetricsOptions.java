package dev.newsmon.common.metrics;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Option;

/**
 * The /metrics and /health settings the long-running stages share (a picocli mixin). The port is each
 * command's own option, since every stage has its own default so they can run side by side.
 */
public final class MetricsOptions {

    @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "${NEWSMON_METRICS_HOST:-127.0.0.1}",
            description = "Address /metrics and /health bind; 0.0.0.0 in a container "
                    + "(env NEWSMON_METRICS_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--no-metrics", defaultValue = "${NEWSMON_NO_METRICS:-false}",
            description = "Serve no /metrics or /health (env NEWSMON_NO_METRICS=true).")
    boolean off;

    /**
     * Serves /metrics and /health on {@code port}, or returns null: with --no-metrics, or when the port is taken
     * (one warning line on {@code err}) — the stage's own work matters more than being scraped.
     */
    public MetricsServer startOrWarn(String stage, int port, List<MetricsSource> sources, BooleanSupplier healthy,
                                     PrintStream err) {
        if (off) {
            return null;
        }
        try {
            return MetricsServer.start(stage, host, port, sources, healthy);
        } catch (IOException e) {
            err.println("newsmon " + stage + ": running without /metrics, " + host + ":" + port + " unavailable: "
                    + e.getMessage());
            return null;
        }
    }
}
