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
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue's items as files under {@code <data dir>/staging/<kind>/}, one JSON
 * file per item named by its id (a SHA-256), outside the graph, its indexes, its
 * transaction logs and its backups: an unpublished ingestion's raw text may name a
 * victim, so it must never reach Neo4j. Deleted when decided. Readable by the service's
 * user only.
 *
 * @param <T> what is staged: unpublished ingestions ({@code ingest}), merges an import
 * proposes ({@code merges})
 */
final class Staging<T extends Staging.Staged> {

    /** A staged item: its id names its file; the queue lists the oldest first. */
    interface Staged {

        String id();

        String createdAt();

    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;

    private final Class<T> type;

    /** What an item is called in a refusal, e.g. "unpublished ingestion". */
    private final String noun;

    Staging(Path dataDir, String kind, Class<T> type, String noun) {
        this.folder = dataDir.resolve("staging").resolve(kind);
        this.type = type;
        this.noun = noun;
    }

    Path folder() {
        return this.folder;
    }

    Optional<T> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = this.folder.resolve(id + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), this.type));
    }

    T get(String id) {
        return find(id).orElseThrow(() -> new IngestException(IngestException.Kind.NOT_FOUND,
                "no " + this.noun + " has the id '" + id + "'"));
    }

    List<T> list() {
        if (!Files.isDirectory(this.folder)) {
            return List.of();
        }
        List<T> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(this.folder)) {
            for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".json")).toList()) {
                all.add(JSON.readValue(file.toFile(), this.type));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        all.sort(Comparator.comparing(Staged::createdAt).thenComparing(Staged::id));
        return all;
    }

    /**
     * Writes atomically (a temporary file moved into place), so a crash leaves the old
     * version or the new one.
     */
    synchronized void save(T item) {
        try {
            Files.createDirectories(this.folder);
            ownerOnly(this.folder, "rwx------");
            Path temporary = Files.createTempFile(this.folder, item.id(), ".tmp");
            ownerOnly(temporary, "rw-------");
            JSON.writeValue(temporary.toFile(), item);
            Files.move(temporary, this.folder.resolve(item.id() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Saves {@code item} unless one with its id is staged already; true if it saved. */
    synchronized boolean saveNew(T item) {
        if (find(item.id()).isPresent()) {
            return false;
        }
        save(item);
        return true;
    }

    /**
     * Saves {@code updated} only if {@code requireCurrent} accepts the stored item (it
     * throws if not), with no other save in between.
     */
    synchronized void replace(T updated, Consumer<T> requireCurrent) {
        requireCurrent.accept(get(updated.id()));
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

    /** Takes the item out of the queue: returns it, or refuses an unknown id. */
    synchronized T remove(String id) {
        T item = get(id);
        delete(id);
        return item;
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
