package org.casegraph;

import org.casegraph.backup.BackupCommand;
import org.casegraph.export.ExportCommand;
import org.casegraph.importer.ImportCommand;
import org.casegraph.ingest.IngestCommand;
import org.casegraph.ingest.IngestEval;
import org.casegraph.support.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseGraphApplication {

    public static void main(String[] args) {
        try {
            if (BackupCommand.isCommand(args)) {
                System.out.println(BackupCommand.run(CaseGraphApplication.class, args));
                System.exit(0);
            }
            if (ImportCommand.isCommand(args)) {
                System.out.println(ImportCommand.run(CaseGraphApplication.class, args));
                System.exit(0);
            }
            if (IngestCommand.isCommand(args)) {
                String summary = IngestCommand.run(CaseGraphApplication.class, args, System.out, System.err);
                if (!summary.isEmpty()) {
                    System.out.println(summary);
                }
                System.exit(0);
            }
            if (IngestEval.isCommand(args)) {
                System.out.print(IngestEval.run(args));
                System.exit(0);
            }
            if (ExportCommand.isCommand(args)) {
                System.out.println(ExportCommand.run(CaseGraphApplication.class, args));
                System.exit(0);
            }
            SpringApplication.run(CaseGraphApplication.class, args);
        }
        catch (Throwable failure) {
            // One line a person can act on, instead of a wall of stack traces; the
            // context is closed already.
            System.err.println(
                    (ImportCommand.isCommand(args) ? "CaseGraph import failed: "
                            : IngestCommand.isCommand(args) ? "CaseGraph ingest failed: "
                                    : IngestEval.isCommand(args) ? "CaseGraph ingest-eval failed: "
                                            : ExportCommand.isCommand(args) ? "CaseGraph export failed: "
                                                    : "CaseGraph could not start: ")
                            + StartupFailure.describe(failure));
            System.exit(1);
        }
    }

}
