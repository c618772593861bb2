package org.casegraph.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casegraph.ingest.MergeProposal;
import org.casegraph.support.CaseGraphStartupException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar casegraph.jar import DIR}: adds the entities and relationships of
 * {@code DIR/entities.jsonl} and {@code DIR/relationships.jsonl} (or, with
 * {@code --format ftm}, of FollowTheMoney lines: {@link FtmImport}) to the database as
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

    static final String USAGE = "usage: import DIR | import --format ftm FILE|DIR [--on-error=abort|skip]"
            + " [--merge-report=FILE] [--casegraph.data-dir=DIR | --spring.neo4j.uri=URI]; DIR holds "
            + BulkImport.ENTITIES + " and " + BulkImport.RELATIONSHIPS + ", or FtM *.json/*.jsonl files";

    private static final List<String> OPTIONS = List.of("--format", "--on-error", "--merge-report");

    /** Runs the import and returns the line to print. */
    public static String run(Class<?> application, String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> springArgs = new ArrayList<>();
        Path input = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OPTIONS.contains(name)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : null;
                if (value == null) {
                    throw new CaseGraphStartupException("option " + name + " needs a value; " + USAGE);
                }
                options.put(name, value);
            }
            else if (arg.startsWith("--")) {
                springArgs.add(arg);
            }
            else if (input == null) {
                input = Path.of(arg);
            }
            else {
                throw new CaseGraphStartupException("one FILE or DIR only, not also '" + arg + "'; " + USAGE);
            }
        }
        String format = options.getOrDefault("--format", "casegraph");
        if (input == null || !List.of("casegraph", "ftm").contains(format)) {
            throw new CaseGraphStartupException(USAGE);
        }
        boolean ftm = "ftm".equals(format);
        if (!ftm && (options.containsKey("--on-error") || options.containsKey("--merge-report"))) {
            throw new CaseGraphStartupException("--on-error and --merge-report apply to --format ftm; " + USAGE);
        }
        FtmImport.OnError onError = FtmImport.OnError.parse(options.getOrDefault("--on-error", "abort"));
        Path report = options.containsKey("--merge-report") ? Path.of(options.get("--merge-report"))
                : FtmImport.defaultReport(input);
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // A bulk load wants a bigger page cache and transaction memory than serving the
        // seed data does.
        app.setDefaultProperties(Map.of("logging.level.root", "warn", "casegraph.embedded.page-cache", "512m",
                "casegraph.embedded.transaction-memory", "1g"));
        ProgressDisplay progress = ProgressDisplay.onStandardError();
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            if (ftm) {
                return ftmSummary(input, context.getBean(FtmImport.class).run(input, onError, report, progress));
            }
            BulkImport.Summary summary = context.getBean(BulkImport.class).run(input, progress);
            return String.format(Locale.ROOT,
                    "Imported %,d entities and %,d relationships from %s in %.1f s (validation %.1f s, writing %.1f s); import id %s",
                    summary.entities(), summary.relationships(), input,
                    summary.validationSeconds() + summary.writeSeconds(), summary.validationSeconds(),
                    summary.writeSeconds(), summary.importId());
        }
        finally {
            progress.close();
        }
    }

    /**
     * The summary line, then each skipped line's problem and each proposed merge on a
     * line of its own.
     */
    static String ftmSummary(Path input, FtmImport.Summary summary) {
        BulkImport.Summary written = summary.written();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Imported %,d entities and %,d relationships from %s (ftm) in %.1f s; %,d already in the database"
                        + " (same id), %,d lines skipped, %,d merges proposed%s; import id %s",
                written.entities(), written.relationships(), input,
                written.validationSeconds() + written.writeSeconds(), summary.alreadyPresent(), summary.skipped(),
                summary.proposals().size(),
                summary.proposals().isEmpty() ? ""
                        : " (" + summary.staged() + " new in the review queue, where editors decide them at /review;"
                                + " listed in " + summary.report() + ")",
                written.importId()));
        for (String problem : summary.skippedProblems()) {
            out.append("\n  skipped ").append(problem);
        }
        if (summary.skipped() > summary.skippedProblems().size()) {
            out.append("\n  … and ").append(summary.skipped() - summary.skippedProblems().size()).append(" more");
        }
        for (MergeProposal proposal : summary.proposals()) {
            out.append("\n  merge? ")
                .append(proposal.incomingId())
                .append(" (FtM ")
                .append(proposal.ftmId())
                .append(") into ")
                .append(proposal.existingId())
                .append(": same name '")
                .append(proposal.matchedName())
                .append("'");
        }
        return out.toString();
    }

}
