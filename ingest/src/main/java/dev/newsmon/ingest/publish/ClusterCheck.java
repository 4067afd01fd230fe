package dev.newsmon.ingest.publish;

import dev.newsmon.ingest.IngestException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Checks before the first send that the cluster is reachable and has the topic (otherwise every send would
 * block for max.block.ms), and returns the cluster's id, which names the ledger: a freshly formatted broker
 * is a new cluster, so what an earlier run published to another cluster is not skipped.
 */
public final class ClusterCheck {
    private ClusterCheck() {
    }

    /** The cluster's id, after checking that {@code topic} exists (a missing topic would block every send). */
    public static String clusterIdHaving(Map<String, Object> clientProps, Duration timeout, String topic) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsmon-ingest-admin");
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        String servers = String.valueOf(p.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(p)) {
            String id = admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                throw new IngestException("topic " + topic + " does not exist on " + servers
                        + "; create it with 'newsmon topics' (or run 'newsmon up')");
            }
            return id;
        } catch (TimeoutException e) {
            throw new IngestException("cannot reach Kafka at " + servers + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IngestException("cannot reach Kafka at " + servers + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while contacting Kafka at " + servers);
        } catch (IngestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IngestException("cannot connect to Kafka at " + servers + ": " + e.getMessage());
        }
    }
}
