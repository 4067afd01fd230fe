package dev.newsmon.app.up;

import dev.newsmon.common.KafkaOptions;
import dev.newsmon.common.Service;
import dev.newsmon.common.metrics.MetricsSource;
import dev.newsmon.ingest.IngestCommand;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.sink.SinkCommand;
import dev.newsmon.sink.SinkService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds the stages {@code up} runs in-process exactly as their own commands would be built from a command line,
 * so every flag default and NEWSMON_* variable of {@code process}, {@code sink} and {@code ingest} applies unchanged.
 */
final class Stages {
    /**
     * A built, not yet started, stage, the consumer group whose progress shows how far it got,
     * and why it died (null while healthy).
     */
    record Stage(Service service, String group, Supplier<String> failure) {
    }

    static final String UP_SINK_GROUP = "newsmon-up-sink";

    private final KafkaOptions kafka;
    private final Path stateDir;
    private final Path themesFile;
    private final boolean api;

    /**
     * @param stateDir   where the processor's stores and ingest's ledger go instead of their defaults, or null;
     *                   the embedded broker passes its data dir so that its state and theirs reset together
     * @param themesFile the themes the topics were made for, or null for the built-in ones
     * @param api        whether the processor serves its HTTP API (a run that exits when done has no use for it)
     */
    Stages(KafkaOptions kafka, Path stateDir, Path themesFile, boolean api) {
        this.kafka = kafka;
        this.stateDir = stateDir;
        this.themesFile = themesFile;
        this.api = api;
    }

    Stage processor() {
        List<String> args = connection();
        if (stateDir != null) {
            args.addAll(List.of("--state-dir", stateDir.toString())); // process keeps its stores in streams/
        }
        if (themesFile != null) {
            args.addAll(List.of("--themes", themesFile.toString()));
        }
        if (!api) {
            args.add("--no-api");
        }
        ProcessCommand command = new ProcessCommand();
        CommandLine cli = new CommandLine(command);
        cli.parseArgs(args.toArray(String[]::new));
        ProcessorService service = command.service();
        return new Stage(service, cli.getCommandSpec().findOption("--application-id").getValue(),
                () -> service.failed() ? "the processor stopped after an error (see above)" : null);
    }

    Stage sink() {
        List<String> args = connection();
        if (System.getenv("NEWSMON_SINK_GROUP") == null) {
            // Its own group, so a separate `newsmon sink --webhook ...` beside `up` gets every alert too.
            args.addAll(List.of("--group-id", UP_SINK_GROUP));
        }
        SinkCommand command = new SinkCommand();
        CommandLine cli = new CommandLine(command);
        cli.parseArgs(args.toArray(String[]::new));
        SinkService service = command.service();
        service.allowSharedAlertsDir();
        return new Stage(service, cli.getCommandSpec().findOption("--group-id").getValue(),
                () -> service.failure() == null ? null : "the sink stopped: " + service.failure().getMessage());
    }

    /** Runs ingest once over {@code corpus}; returns its exit code. */
    int ingest(Path corpus) {
        return ingest(corpus, m -> { });
    }

    /** Runs ingest once over {@code corpus}, handing its counters to {@code metrics} first; returns its exit code. */
    int ingest(Path corpus, Consumer<MetricsSource> metrics) {
        List<String> args = connection();
        if (stateDir != null) {
            args.addAll(List.of("--state-dir", stateDir.toString()));
        }
        args.add(corpus.toString());
        IngestCommand command = new IngestCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        metrics.accept(command.metrics());
        return command.call();
    }

    private List<String> connection() {
        List<String> args = new ArrayList<>();
        kafka.bootstrapServers().ifPresent(s -> args.addAll(List.of("--bootstrap-servers", s)));
        kafka.kafkaConfig().ifPresent(f -> args.addAll(List.of("--kafka-config", f.toString())));
        return args;
    }
}
