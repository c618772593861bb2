package org.casegraph.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.casegraph.ingest.EditorTest;
import org.casegraph.ingest.MergeQueue;
import org.casegraph.support.GraphQlDocuments;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merges {@code import --format ftm} proposes, in the review queue: an imported
 * namesake of an existing entity is listed for editors, who merge it (through
 * {@code mergeEntities}, so the imported id resolves to the existing entity) or keep
 * both; either way it leaves the queue, and importing the file again stages nothing
 * twice. The organizations are invented here, both the existing one and its namesake. The
 * same context as {@code IngestApiTests}.
 */
@EditorTest
class FtmMergeReviewTests {

    private static final String EDITOR = "test-editor-key";

    private static final String LIST = "ingest/mergeProposals";

    private static final String ACCEPT = "ingest/acceptMergeProposal";

    private static final String REJECT = "ingest/rejectMergeProposal";

    @LocalServerPort
    int port;

    @Autowired
    FtmImport ftmImport;

    @Autowired
    MergeQueue mergeQueue;

    @TempDir
    Path folder;

    private GraphQlDocuments graphQl;

    @BeforeEach
    void connect() {
        this.graphQl = new GraphQlDocuments(this.port);
    }

    /**
     * Imports an invented company, then a second file with an invented company that has
     * its name as an alias: returns the second import, which proposes the merge.
     */
    private FtmImport.Summary importNamesakes(String slug, String name) throws Exception {
        Path existing = Files.writeString(this.folder.resolve(slug + "-registry.ftm.json"), """
                {"id": "mq-%s-old", "schema": "Company", "properties": {"name": ["%s"]}, \
                "datasets": ["invented_registry"]}
                """.formatted(slug, name));
        assertThat(run(existing).proposals()).isEmpty();
        Path incoming = Files.writeString(this.folder.resolve(slug + "-leaks.ftm.json"), """
                {"id": "mq-%s-new", "schema": "Company", "properties": {"name": ["%s Ltd"], "alias": ["%s"]}, \
                "datasets": ["invented_leaks"]}
                """.formatted(slug, name, name));
        return run(incoming);
    }

    private FtmImport.Summary run(Path file) {
        return this.ftmImport.run(file, FtmImport.OnError.ABORT, FtmImport.defaultReport(file), Progress.none());
    }

    /** The pending proposals, as an editor lists them over GraphQL. */
    private List<Map<String, Object>> pending() {
        Map<String, Object> answer = this.graphQl.run(EDITOR, LIST, Map.of());
        assertThat(answer.get("errors")).as(answer.toString()).isNull();
        Map<?, ?> connection = (Map<?, ?>) ((Map<?, ?>) answer.get("data")).get("mergeProposals");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> edges = (List<Map<String, Object>>) connection.get("edges");
        assertThat(connection.get("totalCount")).isEqualTo(edges.size());
        return edges.stream().map((edge) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> node = (Map<String, Object>) edge.get("node");
            return node;
        }).toList();
    }

    private Map<String, Object> pending(String incomingId) {
        return pending().stream()
            .filter((proposal) -> incomingId.equals(proposal.get("incomingId")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no proposal for " + incomingId + " in " + pending()));
    }

    private String entityId(String id) {
        Map<String, Object> answer = this.graphQl.run(EDITOR, "ingest/entity", Map.of("id", id));
        Object entity = ((Map<?, ?>) answer.get("data")).get("entity");
        return entity == null ? null : (String) ((Map<?, ?>) entity).get("id");
    }

    @Test
    void anEditorAcceptsAndTheImportedCompanyResolvesToTheExistingOne() throws Exception {
        FtmImport.Summary summary = importNamesakes("brackwater", "Brackwater Ferry Lines");
        assertThat(summary.proposals()).singleElement()
            .satisfies((proposal) -> assertThat(List.of(proposal.incomingId(), proposal.existingId()))
                .containsExactly("organization/mq-brackwater-new", "organization/mq-brackwater-old"));
        assertThat(summary.staged()).isEqualTo(1);

        Map<String, Object> proposal = pending("organization/mq-brackwater-new");
        assertThat(proposal).containsEntry("type", "Organization")
            .containsEntry("incomingName", "Brackwater Ferry Lines Ltd")
            .containsEntry("existingId", "organization/mq-brackwater-old")
            .containsEntry("existingName", "Brackwater Ferry Lines")
            .containsEntry("matchedName", "Brackwater Ferry Lines")
            .containsEntry("ftmId", "mq-brackwater-new")
            .containsEntry("datasets", List.of("invented_leaks"))
            .containsEntry("id", summary.proposals().get(0).id());

        // Again: the file's company is in the database now, and the pair is staged once.
        FtmImport.Summary again = run(this.folder.resolve("brackwater-leaks.ftm.json"));
        assertThat(again.alreadyPresent()).isEqualTo(1);
        assertThat(again.staged()).isZero();
        assertThat(this.mergeQueue.stage(summary.proposals())).as("the same pair staged again").isZero();
        assertThat(pending().stream().filter((p) -> proposal.get("id").equals(p.get("id")))).hasSize(1);

        Map<String, Object> accepted = this.graphQl.run(EDITOR, ACCEPT,
                Map.of("input", Map.of("id", proposal.get("id"))));
        assertThat(accepted.get("errors")).as(accepted.toString()).isNull();
        assertThat(accepted.toString()).contains("mergeId=merge/")
            .contains("id=organization/mq-brackwater-old")
            .contains("aliases=[Brackwater Ferry Lines Ltd]");
        assertThat(entityId("organization/mq-brackwater-new")).as("the imported id resolves to the kept company")
            .isEqualTo("organization/mq-brackwater-old");
        assertThat(pending()).noneMatch((p) -> proposal.get("id").equals(p.get("id")));
        assertThat(GraphQlHttp
            .firstError(this.graphQl.run(EDITOR, ACCEPT, Map.of("input", Map.of("id", proposal.get("id"))))))
            .as("decided already")
            .contains("no pending merge proposal has the id '" + proposal.get("id") + "'")
            .contains("NOT_FOUND");
    }

    @Test
    void anEditorKeepsBoth() throws Exception {
        importNamesakes("saltmarsh", "Saltmarsh Cold Storage");
        Map<String, Object> proposal = pending("organization/mq-saltmarsh-new");
        Map<String, Object> rejected = this.graphQl.run(EDITOR, REJECT,
                Map.of("input", Map.of("id", proposal.get("id"))));
        assertThat(rejected.get("errors")).as(rejected.toString()).isNull();
        assertThat(rejected.toString()).contains("incomingId=organization/mq-saltmarsh-new");
        assertThat(pending()).noneMatch((p) -> proposal.get("id").equals(p.get("id")));
        assertThat(entityId("organization/mq-saltmarsh-new")).isEqualTo("organization/mq-saltmarsh-new");
        assertThat(entityId("organization/mq-saltmarsh-old")).isEqualTo("organization/mq-saltmarsh-old");
        assertThat(run(this.folder.resolve("saltmarsh-leaks.ftm.json")).staged())
            .as("importing the file again proposes nothing: the company is in the database")
            .isZero();
        assertThat(pending()).noneMatch((p) -> proposal.get("id").equals(p.get("id")));
    }

    @Test
    void onlyEditorsListOrDecide() throws Exception {
        importNamesakes("corvel", "Corvel Tide Logistics");
        Object id = pending("organization/mq-corvel-new").get("id");
        assertThat(GraphQlHttp.firstError(this.graphQl.run(null, LIST, Map.of()))).contains("only editors")
            .contains("FORBIDDEN");
        assertThat(GraphQlHttp.firstError(this.graphQl.run(null, ACCEPT, Map.of("input", Map.of("id", id)))))
            .contains("only editors");
        assertThat(GraphQlHttp.firstError(this.graphQl.run(null, REJECT, Map.of("input", Map.of("id", id)))))
            .contains("only editors");
        assertThat(pending("organization/mq-corvel-new")).as("still pending").containsEntry("id", id);
        assertThat(entityId("organization/mq-corvel-new")).isEqualTo("organization/mq-corvel-new");
    }

    @Test
    void anUnknownIdIsRefusedAndChangesNothing() {
        int before = pending().size();
        for (String document : List.of(ACCEPT, REJECT)) {
            for (String id : List.of("0".repeat(64), "../../etc/passwd")) {
                assertThat(
                        GraphQlHttp.firstError(this.graphQl.run(EDITOR, document, Map.of("input", Map.of("id", id)))))
                    .contains("no pending merge proposal has the id '" + id + "'")
                    .contains("NOT_FOUND");
            }
        }
        assertThat(pending()).hasSize(before);
    }

    /**
     * The review page's own documents: its list answers, and its decisions reach the
     * queue (an unknown id is refused by the queue, not by validation).
     */
    @Test
    void theReviewPagesDocumentsRun() throws Exception {
        importNamesakes("wendlow", "Wendlow Harbour Tugs");
        String list = this.graphQl.textOf(EDITOR, explorerDocument("merge-proposals"), Map.of());
        assertThat(list).doesNotContain("\"errors\"").contains("\"incomingId\":\"organization/mq-wendlow-new\"");
        for (String name : List.of("accept-merge-proposal", "reject-merge-proposal")) {
            assertThat(GraphQlHttp.firstError(this.graphQl.runText(EDITOR, explorerDocument(name),
                    Map.of("input", Map.of("id", "f".repeat(64))))))
                .contains("no pending merge proposal has the id");
        }
    }

    private static String explorerDocument(String name) throws Exception {
        return Files.readString(Path.of("src/main/resources/trusted-documents", "explorer-" + name + ".graphql"));
    }

}
