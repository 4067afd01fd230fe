package dev.newsmon.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class KafkaOptionsTest {

    @Command(name = "probe")
    static class Probe implements Runnable {
        @Mixin
        KafkaOptions kafka;

        @Override
        public void run() {
        }
    }

    @Test
    void defaultsToLocalhostWhenNothingIsGiven() {
        assumeTrue(System.getenv("NEWSMON_BOOTSTRAP_SERVERS") == null, "environment names brokers");
        Probe p = new Probe();
        new CommandLine(p).parseArgs();

        assertTrue(p.kafka.bootstrapServers().isEmpty());
        assertEquals("localhost:9092", p.kafka.clientProperties().get("bootstrap.servers"));
    }

    @Test
    void flagBeatsConfigFileAndFilePassesEverythingElseThrough(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=file:9093\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");
        Probe p = new Probe();
        new CommandLine(p).parseArgs("--bootstrap-servers", "flag:9094", "--kafka-config", file.toString());

        Map<String, Object> props = p.kafka.clientProperties();

        assertEquals("flag:9094", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("PLAIN", props.get("sasl.mechanism"));
    }

    @Test
    void configFileAloneNamesTheBrokers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=file:9093\n");
        KafkaOptions k = new KafkaOptions(null, file);

        assertEquals("file:9093", k.clientProperties().get("bootstrap.servers"));
    }

    @Test
    void everyCallReturnsAFreshMapSoCallersCannotLeakSettingsIntoEachOther() {
        KafkaOptions k = new KafkaOptions("h:1", null);
        Map<String, Object> first = k.clientProperties();
        first.put("acks", "0");

        assertNotSame(first, k.clientProperties());
        assertEquals(null, k.clientProperties().get("acks"));
    }

    @Test
    void missingConfigFileIsAOneLineError(@TempDir Path dir) {
        KafkaOptions k = new KafkaOptions(null, dir.resolve("nope.properties"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, k::clientProperties);
        assertTrue(e.getMessage().contains("nope.properties"), e.getMessage());
    }
}
