package org.casegraph.ingest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.casegraph.graph.Graph;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document ingest as an editor and a script use it: {@code POST /ingest}, then the review
 * over GraphQL, then publication; and every kind of bad file refused with a message that
 * says why, staging nothing. The article is invented here; its one victim has a made-up
 * name, and the test checks that name never reaches the graph or a public answer.
 */
@EditorTest
class IngestApiTests {

    private static final String EDITOR = "test-editor-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A name made up for this test, standing for a victim's. */
    private static final String INVENTED_VICTIM = "Nelvira Quoss";

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    private String article(String marker) {
        return """
                <html><head><title>Raid in the capital</title></head><body>
                <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
                <article>
                <h1>Police raid a brothel %s</h1>
                <p>International Justice Mission said the anti-trafficking police arrested a foreign man on 3 March 2015.</p>
                <p>A 15-year-old girl named %s was rescued from the brothel, the organization said.</p>
                </article>
                <footer>Copyright The Paper</footer>
                </body></html>
                """
            .formatted(marker, INVENTED_VICTIM);
    }

    @Test
    void anEditorUploadsReviewsAndPublishesAndTheVictimIsRedacted() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = article(marker).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = upload(EDITOR, "raid.html", file, Map.of("published", "2015-03-05"), null);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        Map<String, Object> staged = json(uploaded.body());
        assertThat(staged.keySet()).containsExactly("ingestionId", "documentId", "text", "mentions");
        String text = (String) staged.get("text");
        assertThat(text).as("navigation and footer are dropped").doesNotContain("Home").doesNotContain("Copyright");
        List<Map<String, Object>> mentions = list(staged.get("mentions"));
        assertThat(mentions).isNotEmpty().allSatisfy((m) -> {
            assertThat(m.keySet()).containsExactly("id", "text", "start", "end", "type", "entityId", "possibleVictim",
                    "quote", "origin");
            assertThat(text.substring((Integer) m.get("start"), (Integer) m.get("end"))).isEqualTo(m.get("text"));
            assertThat((String) m.get("quote")).contains((String) m.get("text"));
        });
        Map<String, Object> ijm = mentions.stream()
            .filter((m) -> "International Justice Mission".equals(m.get("text")))
            .findFirst()
            .orElseThrow();
        assertThat(ijm.get("entityId")).as("linked through the graph's names")
            .isEqualTo("organization/international-justice-mission");
        assertThat(ijm.get("origin")).isEqualTo("gazetteer");
        Map<String, Object> victim = mentions.stream()
            .filter((m) -> INVENTED_VICTIM.equals(m.get("text")))
            .findFirst()
            .orElseThrow();
        assertThat(victim.get("possibleVictim")).isEqualTo(true);
        assertThat(mentions).as("a date in a sentence that says something happened proposes an Event")
            .anySatisfy((m) -> {
                assertThat(m.get("type")).isEqualTo("Event");
                assertThat(m.get("text")).isEqualTo("3 March 2015");
            });

        String id = (String) staged.get("ingestionId");
        HttpResponse<String> again = upload(EDITOR, "raid-copy.html", file, Map.of(), null);
        assertThat(json(again.body()).get("ingestionId")).as("the same bytes are the same ingestion").isEqualTo(id);
        assertThat(pendingIds()).containsOnlyOnce(id);

        GraphQlHttp graphQl = new GraphQlHttp(this.port);
        assertThat(GraphQlHttp.firstError(graphQl.post(null, "{ ingestions { totalCount } }", Map.of())))
            .contains("only editors");
        int version = version(id);
        String accept = """
                mutation($input: AcceptMentionInput!) { acceptMention(input: $input) { version } }
                """;
        assertThat(
                GraphQlHttp.firstError(graphQl.post(EDITOR, accept,
                        Map.of("input", Map.of("mentionId", ijm.get("id"), "entityId",
                                "organization/international-justice-mission", "expectedVersion", version + 7)))))
            .as("a stale version is refused")
            .contains("is at version " + version);
        assertThat(
                GraphQlHttp.firstError(graphQl.post(EDITOR, accept,
                        Map.of("input",
                                Map.of("mentionId", victim.get("id"), "newEntity",
                                        Map.of("id", "person/invented-" + marker, "type", "Person", "name",
                                                INVENTED_VICTIM),
                                        "expectedVersion", version)))))
            .as("a flagged victim never becomes a Person")
            .contains("flagged as a victim");
        Map<String, Object> accepted = graphQl.post(EDITOR, accept, Map.of("input", Map.of("mentionId", ijm.get("id"),
                "entityId", "organization/international-justice-mission", "expectedVersion", version)));
        assertThat(accepted).doesNotContainKey("errors");
        String arrestId = "event/invented-arrest-" + marker;
        Map<String, Object> date = mentions.stream()
            .filter((m) -> "3 March 2015".equals(m.get("text")))
            .findFirst()
            .orElseThrow();
        assertThat(graphQl.post(EDITOR, accept,
                Map.of("input", Map.of("mentionId", date.get("id"), "newEntity",
                        Map.of("id", arrestId, "type", "Event", "name", "Arrest of a foreign man", "fields",
                                Map.of("date", "2015-03-03", "kind", "arrest")),
                        "expectedVersion", version + 1))))
            .doesNotContainKey("errors");

        // A correction that would overlap another mention, leave the text or name no type
        // is refused.
        String correct = """
                mutation($input: CorrectMentionInput!) { correctMention(input: $input) { version } }
                """;
        assertThat(GraphQlHttp.firstError(graphQl.post(EDITOR, correct,
                Map.of("input", Map.of("mentionId", date.get("id"), "start", 0, "expectedVersion", version + 2)))))
            .contains("overlaps the mention \"International Justice Mission\"");
        assertThat(GraphQlHttp.firstError(graphQl.post(EDITOR, correct,
                Map.of("input",
                        Map.of("mentionId", date.get("id"), "end", 1_000_000, "expectedVersion", version + 2)))))
            .contains("0 <= start < end <=");
        assertThat(GraphQlHttp.firstError(graphQl.post(EDITOR, correct,
                Map.of("input",
                        Map.of("mentionId", date.get("id"), "type", "Spaceship", "expectedVersion", version + 2)))))
            .contains("type 'Spaceship' is not one of");

        // Two accepted mentions in one sentence propose a relationship, its type left to
        // the curator.
        Map<String, Object> proposals = graphQl.post(EDITOR,
                """
                        query($id: ID!) { ingestion(id: $id) { version relationships { id quote status allowedTypes allowedReverseTypes from { text } to { text newEntity { id type name } } } } }
                        """,
                Map.of("id", id));
        @SuppressWarnings("unchecked")
        Map<String, Object> reviewed = (Map<String, Object>) ((Map<String, Object>) proposals.get("data"))
            .get("ingestion");
        List<Map<String, Object>> relationships = list(reviewed.get("relationships"));
        assertThat(relationships).singleElement().satisfies((r) -> {
            assertThat(r.get("status")).isEqualTo("proposed");
            assertThat((String) r.get("quote")).startsWith("International Justice Mission said")
                .contains("3 March 2015");
            assertThat(r.get("to")).as("what publishing will create for the date accepted as new")
                .isEqualTo(Map.of("text", "3 March 2015", "newEntity",
                        Map.of("id", arrestId, "type", "Event", "name", "Arrest of a foreign man")));
            assertThat(strings(r.get("allowedTypes"))).as("Organization to Event")
                .contains("PARTICIPATED_IN")
                .doesNotContain("OCCURRED_IN", "MENTIONS");
            assertThat(strings(r.get("allowedReverseTypes"))).as("Event to Organization")
                .doesNotContain("PARTICIPATED_IN");
        });
        String proposal = (String) relationships.get(0).get("id");
        String acceptRelationship = """
                mutation($input: AcceptRelationshipInput!) { acceptRelationship(input: $input) { version } }
                """;
        assertThat(GraphQlHttp.firstError(graphQl.post(EDITOR, acceptRelationship,
                Map.of("input",
                        Map.of("proposalId", proposal, "type", "OCCURRED_IN", "expectedVersion",
                                reviewed.get("version"))))))
            .as("a type the vocabulary does not allow between an Organization and an Event")
            .contains("OCCURRED_IN");
        assertThat(graphQl.post(EDITOR, acceptRelationship, Map.of("input",
                Map.of("proposalId", proposal, "type", "PARTICIPATED_IN", "expectedVersion", reviewed.get("version")))))
            .doesNotContainKey("errors");

        Map<String, Object> published = graphQl.post(EDITOR, """
                mutation($id: ID!) { publishIngestion(id: $id) { document { id name } mentioned { id } } }
                """, Map.of("id", id));
        assertThat(published).doesNotContainKey("errors");
        String documentId = (String) staged.get("documentId");
        String stored = this.graph.single("MATCH (d:Document {id: $id}) RETURN d.text AS text",
                Map.of("id", documentId), (r) -> r.get("text").asString());
        assertThat(stored).contains("named [victim] was rescued").doesNotContain(INVENTED_VICTIM);
        String quote = this.graph.single(
                """
                        MATCH (:Document {id: $id})-[r:MENTIONS]->(:Organization {id: 'organization/international-justice-mission'}) RETURN r.citeQuotes[0] AS q
                        """,
                Map.of("id", documentId), (r) -> r.get("q").asString());
        assertThat(quote).contains("International Justice Mission said");
        String relationshipQuote = this.graph.single(
                """
                        MATCH (:Organization {id: 'organization/international-justice-mission'})-[r:PARTICIPATED_IN]->(:Event {id: $event})
                        RETURN r.citeDocs[0] + ': ' + r.citeQuotes[0] AS q
                        """,
                Map.of("event", arrestId), (r) -> r.get("q").asString());
        assertThat(relationshipQuote).startsWith(documentId + ": International Justice Mission said");
        long audited = this.graph.single(
                "MATCH (a:AuditEntry {actor: 'key:test-editor'}) WHERE a.target STARTS WITH $id RETURN count(a) AS c",
                Map.of("id", documentId), (r) -> r.get("c").asLong());
        assertThat(audited).as("the Document and its MENTIONS link are audited").isGreaterThanOrEqualTo(2);
        assertThat(pendingIds()).as("staging is deleted on publish").doesNotContain(id);
        assertRefused(upload(EDITOR, "raid-again.html", file, Map.of(), null), 409, "CONFLICT",
                "published already, as " + documentId);
        assertThat(pendingIds()).doesNotContain(id);
        assertThat(graphQl.text(null, """
                query($q: String!) { search(query: $q) { edges { node { id name } } } }
                """, Map.of("q", INVENTED_VICTIM))).doesNotContain(INVENTED_VICTIM).doesNotContain(documentId);
    }

    @Test
    void badFilesAreRefusedWithAReasonAndNothingIsStaged() throws Exception {
        List<String> before = pendingIds();
        assertRefused(upload(EDITOR, "empty.txt", new byte[0], Map.of(), null), 422, "EMPTY", "is empty");
        assertRefused(upload(EDITOR, "photo.png", png(), Map.of(), null), 415, "UNSUPPORTED", "send PDF, DOCX");
        assertRefused(upload(EDITOR, "locked.pdf", encryptedPdf(), Map.of(), null), 422, "ENCRYPTED",
                "password-protected");
        assertRefused(upload(EDITOR, "bomb.docx", docxBomb(), Map.of(), null), 422, "BOMB", "parser bomb");
        assertRefused(upload(EDITOR, "huge.txt", new byte[20 * 1024 * 1024 + 1], Map.of(), null), 413, "TOO_LARGE",
                "casegraph.ingest.max-bytes");
        assertRefused(upload(EDITOR, "note.txt", "A note.".getBytes(StandardCharsets.UTF_8),
                Map.of("published", "last Tuesday"), null), 400, "INVALID", "YYYY-MM-DD");
        assertRefused(upload(null, "note.txt", "A note.".getBytes(StandardCharsets.UTF_8), Map.of(), null), 403,
                "FORBIDDEN", "only editors");
        assertRefused(upload(EDITOR, "note.txt", "A note.".getBytes(StandardCharsets.UTF_8), Map.of(),
                "https://elsewhere.example"), 403, "FORBIDDEN", "CaseGraph's own pages");
        HttpResponse<String> noFile = HTTP.send(HttpRequest.newBuilder(uri("/ingest"))
            .header("X-API-Key", EDITOR)
            .header("Content-Type", "multipart/form-data; boundary=x")
            .POST(HttpRequest.BodyPublishers
                .ofString("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--x--\r\n"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(noFile, 400, "INVALID", "field 'file'");
        assertThat(pendingIds()).isEqualTo(before);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String says) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Map<String, Object> body = json(response.body());
        assertThat(body.get("code")).isEqualTo(code);
        assertThat((String) body.get("error")).contains(says);
    }

    private List<String> pendingIds() throws Exception {
        Map<String, Object> response = new GraphQlHttp(this.port).post(EDITOR,
                "{ ingestions(first: 100) { edges { node { id } } } }", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("ingestions");
        return list(data.get("edges")).stream().map((e) -> (String) ((Map<?, ?>) e.get("node")).get("id")).toList();
    }

    private int version(String id) throws Exception {
        Map<String, Object> response = new GraphQlHttp(this.port).post(EDITOR,
                "query($id: ID!) { ingestion(id: $id) { version } }", Map.of("id", id));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("ingestion");
        return (Integer) data.get("version");
    }

    private HttpResponse<String> upload(String key, String fileName, byte[] content, Map<String, String> fields,
            String origin) throws Exception {
        String boundary = "----casegraph" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/ingest"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return JSON.readValue(body, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return new ArrayList<>((List<Map<String, Object>>) value);
    }

    private static byte[] png() {
        return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0,
                0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };
    }

    private static byte[] encryptedPdf() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A few kilobytes of DOCX that expand to more text than ingest takes from one file.
     */
    private static byte[] docxBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml",
                    """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                            <Default Extension="xml" ContentType="application/xml"/>
                            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                            </Types>""");
            entry(zip, "_rels/.rels",
                    """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                            </Relationships>""");
            StringBuilder document = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            String paragraph = "<w:p><w:r><w:t>" + "word ".repeat(2000) + "</w:t></w:r></w:p>";
            document.append(paragraph.repeat(600));
            document.append("</w:body></w:document>");
            entry(zip, "word/document.xml", document.toString());
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

}
