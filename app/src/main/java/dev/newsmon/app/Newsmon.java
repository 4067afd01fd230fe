package dev.newsmon.app;

import dev.newsmon.app.backtest.BacktestCommand;
import dev.newsmon.app.broker.BrokerCommand;
import dev.newsmon.app.classify.ClassifyCommand;
import dev.newsmon.app.classify.EvalCommand;
import dev.newsmon.app.topics.TopicsCommand;
import dev.newsmon.app.up.UpCommand;
import dev.newsmon.ingest.IngestCommand;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.sink.SinkCommand;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "newsmon", mixinStandardHelpOptions = true, versionProvider = Newsmon.Version.class,
        description = "Watches news on China-South Korea relations and raises per-theme alerts, on Kafka Streams.",
        subcommands = {UpCommand.class, BrokerCommand.class, TopicsCommand.class, IngestCommand.class,
            ProcessCommand.class, SinkCommand.class, ClassifyCommand.class, EvalCommand.class, BacktestCommand.class})
public final class Newsmon implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command tree: one-line errors, exit 2 on bad usage, and -V on every command. */
    public static CommandLine commandLine() {
        ErrorReporting errors = new ErrorReporting();
        CommandLine cl = new CommandLine(new Newsmon())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        // The modules' commands cannot name this class's provider; without it their -V would print nothing.
        Version version = new Version();
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        return cl;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String own = Newsmon.class.getPackage().getImplementationVersion();
            return new String[] {"newsmon " + (own != null ? own : "dev") + " (Kafka " + AppInfoParser.getVersion() + ")"};
        }
    }
}
