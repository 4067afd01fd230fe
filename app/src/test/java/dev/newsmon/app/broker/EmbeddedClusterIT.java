package dev.newsmon.app.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three combined nodes on loopback replicate for real: transactions keep committing with one node down. */
class EmbeddedClusterIT {
    private static final String TOPIC = "it.cluster";

    @TempDir
    Path dataDir;

    @Test
    void transactionsCommitWhileOneOfThreeNodesIsDown() throws Exception {
        List<EmbeddedBroker> cluster = EmbeddedBroker.startCluster(3, dataDir, false);
        try {
            String bootstrap = EmbeddedBroker.bootstrapServers(cluster);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
                assertEquals(3, describeOnceKnown(admin).partitions().get(0).replicas().size());
            }
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.initTransactions();
                commit(producer, "before");
                // Stop a node that is not the only controller majority: any one of three leaves a quorum of two.
                cluster.get(2).close();
                commit(producer, "during");
                cluster.get(2).startup();
                commit(producer, "after");
            }
            assertEquals(List.of("before", "during", "after"), CommittedValues.read(bootstrap, TOPIC));
        } finally {
            EmbeddedBroker.closeCluster(cluster);
        }
    }

    /** The node that answers may not have applied the creation yet: metadata spreads through the quorum. */
    private static TopicDescription describeOnceKnown(Admin admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void commit(KafkaProducer<String, String> producer, String value) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPIC, "k", value));
        producer.commitTransaction();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-cluster-tx",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }
}
