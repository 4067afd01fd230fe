package dev.newsmon.processor.alerts;

/** Where the rule engine keeps {@link AlertState}: a changelogged state store in the topology, a map in tests. */
public interface AlertStates {
    AlertState get(String key);

    void put(String key, AlertState state);
}
