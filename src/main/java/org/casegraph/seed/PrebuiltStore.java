package org.casegraph.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.casegraph.CaseGraphApplication;
import org.casegraph.graph.Graph;
import org.casegraph.seed.SeedProperties.SeedMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database a first start makes, made once by the build: the schema of every migration
 * and the bundled seed data, in an embedded database's {@code data} folder, zipped into
 * the jar. A first start on an empty data folder copies it there instead of creating a
 * database, migrating and loading the seed, which on a cold JVM costs more than the copy
 * and the database's start together.
 * <p>
 * Only when it is what that start would have made: the seed mode {@code auto}, the
 * bundled seed data ({@code casegraph.seed.location} not changed) and
 * {@code casegraph.seed.prebuilt} not turned off. {@code ./mvnw package} builds it
 * ({@link #main}); the build removes it from {@code target/classes} before anything else
 * runs, so the tests and {@code spring-boot:run} never start from one an earlier build
 * left.
 */
public final class PrebuiltStore {

    /** Where the jar holds it. */
    static final String RESOURCE = "seed-store/data.zip";

    private PrebuiltStore() {
    }

    /**
     * The prebuilt store for a first start with these seed settings, or null: when they
     * are not those it was built with, or when this build has none (running from the
     * classes).
     */
    public static URL forSettings(SeedProperties seed) {
        if (!seed.prebuilt() || seed.mode() != SeedMode.AUTO || !SeedProperties.BUNDLED.equals(seed.location())) {
            return null;
        }
        return PrebuiltStore.class.getClassLoader().getResource(RESOURCE);
    }

    /**
     * Builds the store into {@code args[0]}: starts the application without its web
     * server on a new data folder, which migrates it and loads the seed data, stops it
     * (which leaves the database cleanly shut down), and zips the folder's {@code data}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrebuiltStore ZIP");
        }
        Path zip = Path.of(args[0]).toAbsolutePath();
        Path home = Files.createTempDirectory("casegraph-prebuilt-");
        try {
            SpringApplication app = new SpringApplication(CaseGraphApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of("logging.level.root", "warn"));
            try (ConfigurableApplicationContext context = app.run("--casegraph.data-dir=" + home,
                    "--casegraph.embedded.bolt-port=0", "--casegraph.seed.mode=auto", "--casegraph.seed.prebuilt=false",
                    "--casegraph.seed.location=" + SeedProperties.BUNDLED)) {
                if (context.getBean(Graph.class).holdsNoEntity()) {
                    throw new IllegalStateException("the seed data loaded no entity; no store to ship");
                }
            }
            Files.createDirectories(zip.getParent());
            zip(home.resolve("data"), zip);
            System.out.printf("Prebuilt store: %,d bytes in %s%n", Files.size(zip), zip);
        }
        finally {
            delete(home);
        }
    }

    /**
     * Unzips the store into the data folder {@code home}, which holds no database yet.
     * Every entry must land inside {@code data}; a damaged store fails the start rather
     * than leaving half a database, and what was written of it is removed.
     */
    public static void copyInto(URL store, Path home) {
        Path data = home.resolve("data").normalize();
        try (InputStream in = store.openStream(); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = data.resolve(entry.getName()).normalize();
                if (!target.startsWith(data)) {
                    throw new IOException("entry " + entry.getName() + " points outside the data folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                }
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
        catch (IOException ex) {
            delete(data);
            throw new UncheckedIOException("the prebuilt store in the jar could not be copied to " + data, ex);
        }
    }

    private static void zip(Path folder, Path zip) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter((path) -> !path.equals(folder)).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            for (Path path : paths) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                boolean directory = Files.isDirectory(path);
                // Folders too, empty ones included: the database finds its layout as it
                // left it.
                entries.putNextEntry(new ZipEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(path, entries);
                }
                entries.closeEntry();
            }
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
