package dev.newsmon.app.broker;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker (KRaft, broker+controller) in this process until Ctrl-C.")
public final class BrokerCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(BrokerCommand.class);

    @Mixin
    BrokerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedBroker broker = EmbeddedBroker.start(options.port(), options.dataDir(), options.fresh());
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs this hook; close() logs the one "stopped" line.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "newsmon-broker-shutdown"));
        log.info("Broker ready on {}; Ctrl-C stops it", broker.bootstrapServers());
        stopped.await();
        return 0;
    }
}
