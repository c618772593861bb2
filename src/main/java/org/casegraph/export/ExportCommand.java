package org.casegraph.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casegraph.access.Role;
import org.casegraph.importer.ProgressDisplay;
import org.casegraph.support.CaseGraphStartupException;
import org.casegraph.support.InvalidArgumentException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar casegraph.jar export --format ftm|timelinejs|graphml|csv [--entity ID [--depth N]]
 * [--types A,B] [--from DATE] [--to DATE] [--role ROLE] FILE}: the same export as
 * {@code GET /export/…}, from the database as configured (embedded in
 * {@code --casegraph.data-dir}, or {@code --spring.neo4j.uri}), without a web server,
 * with progress on standard error. It exports what the {@code --role} may see
 * ({@code public} unless given), and records an investigator's reads of sensitive records
 * in the audit trail as {@code cli:<user>}. The file is replaced only once the export is
 * complete.
 */
public final class ExportCommand {

    private static final Map<String, String> OPTIONS = Map.of("--format", "format", "--entity", "entityId", "--depth",
            "depth", "--types", "relationshipTypes", "--from", "from", "--to", "to", "--role", "role");

    private ExportCommand() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && "export".equals(args[0]);
    }

    static final String USAGE = "usage: export --format ftm|timelinejs|graphml|csv [--entity ID [--depth 1-3]]"
            + " [--types TYPE,…] [--from DATE] [--to DATE] [--role public|journalist|investigator|editor] FILE"
            + " [--casegraph.data-dir=DIR | --spring.neo4j.uri=URI]";

    /** Runs the export and returns the line to print. */
    public static String run(Class<?> application, String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> springArgs = new ArrayList<>();
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OPTIONS.containsKey(name)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : null;
                if (value == null) {
                    throw new CaseGraphStartupException("option " + name + " needs a value; " + USAGE);
                }
                options.put(OPTIONS.get(name), value);
            }
            else if (arg.startsWith("--")) {
                springArgs.add(arg);
            }
            else if (file == null) {
                file = Path.of(arg).toAbsolutePath();
            }
            else {
                throw new CaseGraphStartupException("one FILE only, not also '" + arg + "'; " + USAGE);
            }
        }
        if (file == null || !options.containsKey("format")) {
            throw new CaseGraphStartupException(USAGE);
        }
        ExportRequest request;
        try {
            request = ExportRequest.of(ExportFormat.parse("format", options.get("format")), options.get("entityId"),
                    options.get("depth"),
                    options.containsKey("relationshipTypes")
                            ? Arrays.asList(options.get("relationshipTypes").split(",")) : null,
                    options.get("from"), options.get("to"), role(options.get("role")),
                    "cli:" + System.getProperty("user.name", "unknown"));
        }
        catch (InvalidArgumentException ex) {
            throw asOptionProblem(ex);
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // The database opens as the service opens it (a new embedded one gets the seed
        // data first).
        app.setDefaultProperties(Map.of("logging.level.root", "warn"));
        ProgressDisplay progress = ProgressDisplay.onStandardError();
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            GraphExport export = context.getBean(GraphExport.class);
            GraphExport.Plan plan;
            try {
                plan = export.plan(request);
            }
            catch (InvalidArgumentException ex) {
                throw asOptionProblem(ex);
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            GraphExport.Summary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
                summary = export.write(plan, out, progress);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot write the export to " + file, ex);
            }
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot move the export to " + file, ex);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return request.format() == ExportFormat.TIMELINEJS
                    ? String.format(Locale.ROOT, "Exported %,d events (timelinejs, as %s) to %s in %.1f s",
                            summary.entities(), request.role().name().toLowerCase(Locale.ROOT), file, seconds)
                    : String.format(Locale.ROOT,
                            "Exported %,d entities and %,d relationships (%s, as %s) to %s in %.1f s",
                            summary.entities(), summary.relationships(), request.format().formatName(),
                            request.role().name().toLowerCase(Locale.ROOT), file, seconds);
        }
        finally {
            progress.close();
        }
    }

    private static Role role(String name) {
        if (name == null) {
            return Role.PUBLIC;
        }
        try {
            return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new CaseGraphStartupException("invalid option --role: unknown role '" + name + "'; one of "
                    + Arrays.stream(Role.values()).map((role) -> role.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** The same problem as the HTTP parameter's, named as the command's option. */
    private static CaseGraphStartupException asOptionProblem(InvalidArgumentException ex) {
        String option = OPTIONS.entrySet()
            .stream()
            .filter((entry) -> entry.getValue().equals(ex.argument()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(ex.argument());
        String problem = ex.getMessage().substring(ex.getMessage().indexOf(':') + 2);
        return new CaseGraphStartupException("invalid option " + option + ": " + problem);
    }

}
