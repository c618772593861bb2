package org.casegraph.backup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.casegraph.support.CaseGraphStartupException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar casegraph.jar backup FILE} and {@code restore FILE}: the database as
 * configured (embedded in {@code --casegraph.data-dir}, or {@code --spring.neo4j.uri}),
 * without a web server and without seeding.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]));
    }

    /** Runs the command and returns the line to print. */
    public static String run(Class<?> application, String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new CaseGraphStartupException(
                    "usage: " + args[0] + " FILE [--casegraph.data-dir=DIR | --spring.neo4j.uri=URI]");
        }
        Path file = Path.of(args[1]).toAbsolutePath();
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("casegraph.seed.mode", "never", "logging.level.root", "warn"));
        try (ConfigurableApplicationContext context = app.run(Arrays.copyOfRange(args, 2, args.length))) {
            GraphBackup backup = context.getBean(GraphBackup.class);
            GraphBackup.Summary summary = "backup".equals(args[0]) ? backup.backup(file) : backup.restore(file);
            return "%s %s: %d entities, %d relationships, checksum %s (and %d aliases, merge records, audit entries and API keys)"
                .formatted("backup".equals(args[0]) ? "Backed up to" : "Restored from", file, summary.entities(),
                        summary.relationships(), summary.checksum(), summary.records());
        }
    }

}
