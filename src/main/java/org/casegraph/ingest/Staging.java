package org.casegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Unpublished ingestions as files under {@code <data dir>/staging/ingest/}, outside the
 * graph, its indexes, its transaction logs and its backups: raw text may name a victim,
 * so it must never reach Neo4j. Deleted on publish or reject. Readable by the service's
 * user only.
 */
final class Staging {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;

    Staging(Path dataDir) {
        this.folder = dataDir.resolve("staging").resolve("ingest");
    }

    Path folder() {
        return this.folder;
    }

    Optional<Ingestion> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = this.folder.resolve(id + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), Ingestion.class));
    }

    Ingestion get(String id) {
        return find(id).orElseThrow(() -> new IngestException(IngestException.Kind.NOT_FOUND,
                "no unpublished ingestion has the id '" + id + "'"));
    }

    List<Ingestion> list() {
        if (!Files.isDirectory(this.folder)) {
            return List.of();
        }
        List<Ingestion> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(this.folder)) {
            for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".json")).toList()) {
                all.add(JSON.readValue(file.toFile(), Ingestion.class));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        all.sort(Comparator.comparing(Ingestion::createdAt).thenComparing(Ingestion::id));
        return all;
    }

    /**
     * Writes atomically (a temporary file moved into place), so a crash leaves the old
     * version or the new one.
     */
    synchronized void save(Ingestion ingestion) {
        try {
            Files.createDirectories(this.folder);
            ownerOnly(this.folder, "rwx------");
            Path temporary = Files.createTempFile(this.folder, ingestion.id(), ".tmp");
            ownerOnly(temporary, "rw-------");
            JSON.writeValue(temporary.toFile(), ingestion);
            Files.move(temporary, this.folder.resolve(ingestion.id() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Saves {@code updated} only if the stored ingestion is still at
     * {@code expectedVersion}.
     */
    synchronized void replace(Ingestion updated, int expectedVersion) {
        Ingestion current = get(updated.id());
        if (current.version() != expectedVersion) {
            throw new IngestException(IngestException.Kind.CONFLICT,
                    "ingestion '" + updated.id() + "' is at version " + current.version() + ", not " + expectedVersion
                            + ": someone changed it since you read it; read it again");
        }
        save(updated);
    }

    synchronized void delete(String id) {
        try {
            Files.deleteIfExists(this.folder.resolve(id + ".json"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void ownerOnly(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
        catch (UnsupportedOperationException | IOException ex) {
            // Not a POSIX file system: the data dir's own permissions apply.
        }
    }

}
