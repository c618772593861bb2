package org.casegraph.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.support.CaseGraphStartupException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ingest FILE… [--title T] [--url U] [--published YYYY-MM-DD] [--json]}: stages
 * each file for review, with the database stopped (it opens the data folder itself).
 * Progress goes to standard error, one line a file; with {@code --json}, standard output
 * gets one JSON object a file.
 */
public final class IngestCommand {

    private IngestCommand() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && "ingest".equals(args[0]);
    }

    /** Runs the command; returns the summary line to print (empty with --json). */
    public static String run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        String title = null;
        String url = null;
        String published = null;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--title" -> title = value(args, ++i, "--title");
                case "--url" -> url = value(args, ++i, "--url");
                case "--published" -> published = value(args, ++i, "--published");
                case "--json" -> json = true;
                default -> {
                    if (args[i].startsWith("--")) {
                        springArgs.add(args[i]);
                    }
                    else {
                        files.add(Path.of(args[i]));
                    }
                }
            }
        }
        if (files.isEmpty()) {
            throw new CaseGraphStartupException("usage: ingest FILE… [--title T] [--url U] [--published YYYY-MM-DD] "
                    + "[--json] [--casegraph.data-dir=DIR]");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CaseGraphStartupException("ingest: no such file: " + file);
            }
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("logging.level.root", "warn"));
        int staged = 0;
        int failed = 0;
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            IngestService ingest = context.getBean(IngestService.class);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                err.printf("[%d/%d] %s … ", i + 1, files.size(), file.getFileName());
                try {
                    Ingestion ingestion = ingest.ingest(Files.readAllBytes(file), file.getFileName().toString(),
                            files.size() == 1 ? title : null, files.size() == 1 ? url : null, published);
                    long flagged = ingestion.mentions().stream().filter(Mention::possibleVictim).count();
                    err.printf("%d mentions (%d linked, %d possible victims), ingestion %s%n",
                            ingestion.mentions().size(),
                            ingestion.mentions().stream().filter((m) -> m.entityId() != null).count(), flagged,
                            ingestion.id());
                    if (json) {
                        out.println(IngestJson.line(ingestion));
                    }
                    staged++;
                }
                catch (IngestException refused) {
                    err.println("refused: " + refused.getMessage());
                    failed++;
                }
                catch (IOException ex) {
                    err.println("refused: " + ex.getMessage());
                    failed++;
                }
            }
        }
        if (failed > 0) {
            throw new CaseGraphStartupException(failed + " of " + files.size() + " files refused"
                    + (staged > 0 ? "; the other " + staged + " are staged for review" : "; nothing was staged"));
        }
        return json ? "" : "Staged " + staged
                + " file(s) for review: list them with the GraphQL query ingestions, or at /review";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new CaseGraphStartupException("ingest: " + option + " needs a value");
        }
        return args[i];
    }

}
