package org.casegraph.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.record.EntityValidator;
import org.casegraph.record.GraphWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads {@code seed-data/*.yaml}: validates all of it first, then writes it in one
 * transaction.
 */
@Component
public class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final Graph graph;

    private final SeedDataReader reader;

    private final Vocabulary vocabulary;

    private final String location;

    SeedLoader(Graph graph, Vocabulary vocabulary, SeedProperties properties) {
        this.graph = graph;
        this.location = properties.location();
        this.vocabulary = vocabulary;
        this.reader = new SeedDataReader(new EntityValidator(vocabulary));
    }

    /**
     * What a load wrote, counted per entity type, relationship type and cited document.
     */
    public record Coverage(Map<String, Integer> entities, Map<String, Integer> relationships,
            Map<String, Integer> citationsPerDocument) {

        public String report() {
            StringBuilder report = new StringBuilder("Seed data coverage:\n  entities: ")
                .append(this.entities.values().stream().mapToInt(Integer::intValue).sum())
                .append(' ')
                .append(this.entities)
                .append("\n  relationships: ")
                .append(this.relationships.values().stream().mapToInt(Integer::intValue).sum())
                .append(' ')
                .append(this.relationships)
                .append("\n  citations per source document: ")
                .append(this.citationsPerDocument);
            return report.toString();
        }

    }

    /**
     * Reads and validates the packaged seed data; throws {@link SeedDataException}
     * listing every problem.
     */
    public SeedData read() {
        return this.reader.read(files(this.location));
    }

    public SeedData read(List<SeedDataReader.SourceFile> files) {
        return this.reader.read(files);
    }

    public Coverage load() {
        return load(read());
    }

    public Coverage load(SeedData data) {
        long started = System.nanoTime();
        this.graph.writeUnbounded((tx) -> {
            GraphWriter.write(tx, data.entities(), data.relationships(), this.vocabulary);
            return null;
        });
        Coverage coverage = coverage(data);
        log.info("Loaded seed data in {} ms. {}", (System.nanoTime() - started) / 1_000_000, coverage.report());
        return coverage;
    }

    public static Coverage coverage(SeedData data) {
        Map<String, Integer> entities = new TreeMap<>();
        Map<String, Integer> relationships = new TreeMap<>();
        Map<String, Integer> citations = new TreeMap<>();
        data.entities().forEach((entity) -> {
            entities.merge(entity.type(), 1, Integer::sum);
            entity.citations().forEach((citation) -> citations.merge(citation.document(), 1, Integer::sum));
        });
        data.relationships().forEach((relationship) -> {
            relationships.merge(relationship.type(), 1, Integer::sum);
            relationship.citations().forEach((citation) -> citations.merge(citation.document(), 1, Integer::sum));
        });
        return new Coverage(entities, relationships, citations);
    }

    /**
     * A seed file outside the application by its own path, so that messages point at it.
     */
    private static String displayName(Resource resource) {
        if (resource.isFile()) {
            try {
                Path file = resource.getFile().toPath().toAbsolutePath().normalize();
                Path here = Path.of("").toAbsolutePath();
                return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
            }
            catch (IOException ex) {
                // fall through to the name alone
            }
        }
        return "seed-data/" + resource.getFilename();
    }

    /**
     * The seed files at a resource pattern such as {@code classpath*:seed-data/*.yaml},
     * by file name.
     */
    public static List<SeedDataReader.SourceFile> files(String location) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
            if (resources.length == 0) {
                throw new SeedDataException(List.of(location + ":0: no seed files found"));
            }
            List<SeedDataReader.SourceFile> files = new ArrayList<>();
            for (Resource resource : Arrays.stream(resources)
                .sorted(Comparator.comparing(Resource::getFilename))
                .toList()) {
                files.add(new SeedDataReader.SourceFile(location.startsWith("classpath")
                        ? "seed-data/" + resource.getFilename() : displayName(resource),
                        resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return files;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
