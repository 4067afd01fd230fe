package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProcessCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpNamesEveryEnvironmentVariableAndDefault() {
        String help = new CommandLine(new ProcessCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", " ");
        for (String s : new String[] {"--bootstrap-servers", "NEWSMON_BOOTSTRAP_SERVERS", "--kafka-config",
            "NEWSMON_APPLICATION_ID", "default newsmon-processor", "NEWSMON_STATE_DIR", "default .newsmon", "DIR/streams",
            "--themes", "NEWSMON_THEMES", "--rules", "NEWSMON_RULES", "bundled rules.json", "--dedupe-horizon",
            "default P7D", "--api-host", "NEWSMON_API_HOST", "default 127.0.0.1", "--api-port", "NEWSMON_API_PORT",
            "default 8080", "--no-api"}) {
            assertTrue(help.contains(s), s + " missing from:\n" + help);
        }
    }

    @Test
    void buildsTheServiceFromParsedOptionsWithoutABroker() throws Exception {
        ProcessCommand cmd = new ProcessCommand();
        new CommandLine(cmd).parseArgs("--bootstrap-servers", "localhost:1", "--application-id", "x",
                "--state-dir", dir.toString());
        try (ProcessorService s = cmd.service()) {
            assertEquals("processor", s.name());
        }
    }

    @Test
    void aBadRulesFileIsAOneLineError() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"signals\": 3}");
        ProcessCommand cmd = new ProcessCommand();
        new CommandLine(cmd).parseArgs("--rules", rules.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, cmd::service);
        assertTrue(e.getMessage().startsWith("rules " + rules + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
