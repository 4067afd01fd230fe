package dev.newsmon.app.broker;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the embedded broker listens and keeps its data; shared by {@code broker} and {@code up}. */
public final class BrokerOptions {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${NEWSMON_PORT:-9092}",
            description = "Client port of the embedded broker, advertised as localhost "
                    + "(env NEWSMON_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${NEWSMON_DATA_DIR:-.newsmon}",
            description = "Embedded broker storage, kept across restarts "
                    + "(env NEWSMON_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Wipe the embedded broker's storage before starting.")
    boolean fresh;

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean fresh() {
        return fresh;
    }
}
