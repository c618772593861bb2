package org.casegraph.importer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.casegraph.support.CaseGraphStartupException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar casegraph.jar import DIR}: adds the entities and relationships of
 * {@code DIR/entities.jsonl} and {@code DIR/relationships.jsonl} to the database as
 * configured (embedded in {@code --casegraph.data-dir}, or {@code --spring.neo4j.uri}),
 * without a web server, showing progress on standard error. The database opens as the
 * service opens it, so a new embedded one gets the seed data first: imported records may
 * cite the seed's documents, and the service started later serves both (it seeds only an
 * empty database).
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && "import".equals(args[0]);
    }

    /** Runs the import and returns the line to print. */
    public static String run(Class<?> application, String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new CaseGraphStartupException(
                    "usage: import DIR [--casegraph.data-dir=DIR | --spring.neo4j.uri=URI]; DIR holds "
                            + BulkImport.ENTITIES + " and " + BulkImport.RELATIONSHIPS);
        }
        Path folder = Path.of(args[1]);
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // A bulk load wants a bigger page cache and transaction memory than serving the
        // seed data does.
        app.setDefaultProperties(Map.of("logging.level.root", "warn", "casegraph.embedded.page-cache", "512m",
                "casegraph.embedded.transaction-memory", "1g"));
        ProgressDisplay progress = ProgressDisplay.onStandardError();
        try (ConfigurableApplicationContext context = app.run(Arrays.copyOfRange(args, 2, args.length))) {
            BulkImport.Summary summary = context.getBean(BulkImport.class).run(folder, progress);
            return String.format(Locale.ROOT,
                    "Imported %,d entities and %,d relationships from %s in %.1f s (validation %.1f s, writing %.1f s); import id %s",
                    summary.entities(), summary.relationships(), folder,
                    summary.validationSeconds() + summary.writeSeconds(), summary.validationSeconds(),
                    summary.writeSeconds(), summary.importId());
        }
        finally {
            progress.close();
        }
    }

}
