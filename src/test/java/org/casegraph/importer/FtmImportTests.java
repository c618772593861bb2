package org.casegraph.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.casegraph.graph.Graph;
import org.casegraph.ingest.MergeProposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code import --format ftm} against a real database holding the seed data: bad lines
 * are named by file, line and property and, by default, nothing is written; with
 * {@code --on-error=skip} the rest is written; datasets are kept as provenance; an entity
 * already there is not written again, and one with the name of an existing entity is
 * written with a merge proposed. A database of its own, as imports add data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = { "casegraph.embedded.bolt-port=0",
        "casegraph.data-dir=target/test-data/${random.uuid}", "spring.application.name=ftm-import-tests" })
class FtmImportTests {

    /** A small victim group of the seed data (no count): dated to the year at most. */
    private static final String SMALL_GROUP = "victim.vietnamese-girls-2002-police-incident";

    private static final String PERSON = """
            {"id": "NK-ftm-tavish", "schema": "Person", "properties": {"name": ["Tavish Orrendal"], \
            "nationality": ["kh"]}, "datasets": ["ftm_test_sanctions"]}""";

    private static final String ORGANIZATION = """
            {"id": "NK-ftm-lantern", "schema": "Company", "properties": {"name": ["Lantern Karaoke Holdings"]}, \
            "datasets": ["ftm_test_sanctions"]}""";

    private static final String EMPLOYMENT = """
            {"id": "NK-ftm-tavish-lantern", "schema": "Employment", "properties": {"employee": ["NK-ftm-tavish"], \
            "employer": ["NK-ftm-lantern"], "role": ["manager"], "startDate": ["2009"]}, \
            "datasets": ["ftm_test_sanctions"]}""";

    @Autowired
    FtmImport ftmImport;

    @Autowired
    Graph graph;

    @TempDir
    Path folder;

    private Path file(String name, String... lines) throws IOException {
        Path file = this.folder.resolve(name);
        Files.write(file, List.of(lines));
        return file;
    }

    private FtmImport.Summary run(Path input, FtmImport.OnError onError) {
        return this.ftmImport.run(input, onError, FtmImport.defaultReport(input), Progress.none());
    }

    private List<Long> counts() {
        return this.graph.single("""
                MATCH (n) WITH count(n) AS nodes
                MATCH ()-[r]->() RETURN nodes, count(r) AS relationships
                """, Map.of(), (r) -> List.of(r.get("nodes").asLong(), r.get("relationships").asLong()));
    }

    /** The problems of an aborted import, which wrote nothing. */
    private List<String> refused(Path input) {
        List<Long> before = counts();
        List<String> problems = assertThatExceptionOfType(ImportException.class)
            .isThrownBy(() -> run(input, FtmImport.OnError.ABORT))
            .actual()
            .problems();
        assertThat(counts()).as("nothing written").isEqualTo(before);
        return problems;
    }

    @Test
    void lineThatIsNotJsonIsNamedAndNothingIsWritten() throws Exception {
        Path file = file("not-json.ftm.json", PERSON, "{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {");
        assertThat(refused(file)).singleElement().asString().startsWith(file + ":2: not valid JSON");
    }

    @Test
    void unknownSchemaIsNamedAndNothingIsWritten() throws Exception {
        Path file = file("vessel.ftm.json", PERSON, """
                {"id": "ftm-vessel-1", "schema": "Vessel", "properties": {"name": ["Sea Lantern"]}}""");
        assertThat(refused(file)).singleElement()
            .asString()
            .startsWith(file + ":2: schema 'Vessel' has no CaseGraph type; imported are [Address, Article,");
    }

    @Test
    void missingRequiredPropertiesAreNamedAndNothingIsWritten() throws Exception {
        Path file = file("missing.ftm.json", PERSON, ORGANIZATION, """
                {"id": "ftm-no-employer", "schema": "Employment", "properties": {"employee": ["NK-ftm-tavish"]}}""", """
                {"id": "ftm-raid", "schema": "Event", "properties": {"name": ["Raid on Lantern Karaoke"]}}""");
        assertThat(refused(file)).containsExactly(
                file + ":3 (Employment ftm-no-employer): property 'employer' is missing; an Employment links"
                        + " two entities and CaseGraph needs both",
                file + ":4 (Event ftm-raid): property 'startDate' is missing; a CaseGraph Event needs the date it"
                        + " happened");
    }

    @Test
    void linkThatWouldDateASmallVictimGroupToTheDayIsRefused() throws Exception {
        Path file = file("victim.ftm.json", PERSON, """
                {"id": "ftm-exploited", "schema": "UnknownLink", "properties": {"subject": ["NK-ftm-tavish"], \
                "object": ["%s"], "role": ["exploited"], "startDate": ["2002-03-14"]}}""".formatted(SMALL_GROUP));
        assertThat(refused(file)).singleElement()
            .asString()
            .startsWith(file + ":2 (UnknownLink ftm-exploited): victim-group-detail: validFrom: EXPLOITED "
                    + "person/nk-ftm-tavish -> victim/vietnamese-girls-2002-police-incident dates");
    }

    @Test
    void skipModeWritesTheRestAndListsWhatItLeftOut() throws Exception {
        Path file = file("mixed.ftm.json", """
                {"id": "NK-ftm-skip", "schema": "Person", "properties": {"name": ["Maren Quist"]}, \
                "datasets": ["ftm_test_skip"]}""", "not json", """
                {"id": "ftm-vessel-2", "schema": "Vessel", "properties": {"name": ["Sea Lantern"]}}""",
                """
                        {"id": "ftm-orla", "schema": "Person", "properties": {"name": ["Orla Vennick"], "nationality": ["kh"]}}""",
                """
                        {"id": "ftm-orla-link", "schema": "Associate", "properties": {"person": ["NK-ftm-skip"], \
                        "associate": ["ftm-vessel-2"], "relationship": ["partnered with"]}}""");
        FtmImport.Summary summary = run(file, FtmImport.OnError.SKIP);
        assertThat(summary.written().entities()).as("Maren, Orla and a document for each one's dataset").isEqualTo(4);
        assertThat(summary.written().relationships()).isZero();
        assertThat(summary.skipped()).isEqualTo(3);
        assertThat(summary.skippedProblems()).satisfiesExactly(
                (problem) -> assertThat(problem).startsWith(file + ":2: not valid JSON: Unrecognized token 'not'"),
                (problem) -> assertThat(problem).startsWith(file + ":3: schema 'Vessel' has no CaseGraph type"),
                (problem) -> assertThat(problem).isEqualTo(file + ":5 (Associate ftm-orla-link): property 'associate'"
                        + " refers to 'ftm-vessel-2', which is neither in the import nor in the database"));
        String nationality = this.graph.single(
                "MATCH (p:Person {id: 'person/ftm-orla'}) RETURN p.nationality AS nationality", Map.of(),
                (r) -> r.get("nationality").asString());
        assertThat(nationality).isEqualTo("Cambodia");
    }

    @Test
    void datasetsAreKeptAndAnEntityWithoutQuotesCitesItsDataset() throws Exception {
        Path file = file("sanctions.ftm.json", PERSON, ORGANIZATION, EMPLOYMENT,
                """
                        {"id": "ftm-no-dataset", "schema": "PublicBody", "properties": {"name": ["Harbour Licensing Office"]}}""");
        FtmImport.Summary summary = run(file, FtmImport.OnError.ABORT);
        assertThat(summary.written().entities()).isEqualTo(5);
        assertThat(summary.written().relationships()).isEqualTo(1);
        Map<String, Object> person = this.graph.single("""
                MATCH (p:Person {id: 'person/nk-ftm-tavish'})
                RETURN p {.name, .nationality, .importDatasets, .citeDocs, .citeQuotes} AS p
                """, Map.of(), (r) -> r.get("p").asMap());
        assertThat(person).containsEntry("nationality", "Cambodia")
            .containsEntry("importDatasets", List.of("ftm_test_sanctions"))
            .containsEntry("citeDocs", List.of("document/dataset-ftm-test-sanctions"))
            .containsEntry("citeQuotes", List.of("Tavish Orrendal"));
        Map<String, Object> link = this.graph.single("""
                MATCH (:Person {id: 'person/nk-ftm-tavish'})-[r:WORKS_FOR]->(o:Organization {kind: 'business'})
                RETURN r {.id, .role, .validFrom, .importDatasets} AS r
                """, Map.of(), (r) -> r.get("r").asMap());
        assertThat(link).isEqualTo(Map.of("id", "NK-ftm-tavish-lantern", "role", "manager", "validFrom", "2009",
                "importDatasets", List.of("ftm_test_sanctions")));
        List<Object> body = this.graph.single("""
                MATCH (o:Organization {id: 'organization/ftm-no-dataset'})
                RETURN o.kind AS kind, o.importDatasets AS datasets, o.citeDocs AS docs
                """, Map.of(),
                (r) -> List.of(r.get("kind").asString(), r.get("datasets").asList(), r.get("docs").asList()));
        assertThat(body).isEqualTo(
                List.of("government", List.of("sanctions.ftm.json"), List.of("document/dataset-sanctions-ftm-json")));

        FtmImport.Summary again = run(file, FtmImport.OnError.ABORT);
        assertThat(again.written().entities() + again.written().relationships()).isZero();
        assertThat(again.alreadyPresent()).as("every line, by its id").isEqualTo(4);
    }

    @Test
    void anEntityNamedLikeAnExistingOneIsImportedWithAMergeProposed() throws Exception {
        Path file = file("names.ftm.json", """
                {"id": "Q-ftm-trofimov", "schema": "Person", "properties": {"name": ["A. Trofimov"], \
                "alias": ["alexander trofimov"]}, "datasets": ["ftm_test_names"]}""",
                """
                        {"id": "person.alexander-trofimov", "schema": "Person", "properties": {"name": ["Alexander Trofimov"]}}""");
        Path report = this.folder.resolve("proposals.jsonl");
        FtmImport.Summary summary = this.ftmImport.run(file, FtmImport.OnError.ABORT, report, Progress.none());
        assertThat(summary.alreadyPresent()).as("the exact id").isEqualTo(1);
        MergeProposal proposal = summary.proposals().get(0);
        assertThat(summary.proposals()).singleElement()
            .extracting(MergeProposal::ftmId, MergeProposal::type, MergeProposal::incomingId,
                    MergeProposal::incomingName, MergeProposal::existingId, MergeProposal::existingName,
                    MergeProposal::matchedName, MergeProposal::datasets)
            .containsExactly("Q-ftm-trofimov", "Person", "person/q-ftm-trofimov", "A. Trofimov",
                    "person/alexander-trofimov", "Alexander Trofimov", "Alexander Trofimov", List.of("ftm_test_names"));
        assertThat(summary.staged()).as("staged in the review queue").isEqualTo(1);
        assertThat(Files.readAllLines(report)).containsExactly("""
                {"proposalId":"%s","ftmId":"Q-ftm-trofimov","incoming":"person/q-ftm-trofimov",\
                "existing":"person/alexander-trofimov","matchedName":"Alexander Trofimov",\
                "mergeEntities":{"keep":"person/alexander-trofimov","drop":"person/q-ftm-trofimov",\
                "reason":"FtM import: same name 'Alexander Trofimov'"}}""".formatted(proposal.id()));
    }

}
