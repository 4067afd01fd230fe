package dev.newsmon.app.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIT {
    private static final String TOPIC = "it.broker";

    @TempDir
    Path dataDir;

    @Test
    void committedTransactionSurvivesRestartAndFreshWipesIt() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dataDir, false)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "k", "aborted"));
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "k", "committed"));
                producer.commitTransaction();
            }
            assertEquals(List.of("committed"), CommittedValues.read(broker.bootstrapServers(), TOPIC));
        }

        try (EmbeddedBroker restarted = EmbeddedBroker.start(0, dataDir, false)) {
            assertEquals(List.of("committed"), CommittedValues.read(restarted.bootstrapServers(), TOPIC), "data kept across restart");
        }

        try (EmbeddedBroker fresh = EmbeddedBroker.start(0, dataDir, true);
             Admin admin = Admin.create(Map.of("bootstrap.servers", fresh.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertFalse(topics.contains(TOPIC), "fresh start wiped the topic: " + topics);
        }
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start(0, dataDir, false);
        int port = broker.port();
        assertTrue(broker.isRunning());
        broker.close();
        broker.close();
        assertFalse(broker.isRunning());
        try (var socket = new java.net.ServerSocket(port, 0, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(port, socket.getLocalPort());
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-broker-tx",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer());
    }
}
