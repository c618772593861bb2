package org.casegraph.export;

import java.util.List;
import java.util.Map;

import org.casegraph.export.FtmReader.FtmEntity;
import org.casegraph.export.FtmReader.Ref;
import org.casegraph.graph.Vocabulary;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * FtM back into CaseGraph records without a database: the reverse of FtmWriter's table
 * for lines CaseGraph wrote (the round trip covers them all), and the nearest CaseGraph
 * reading of lines from elsewhere.
 */
class FtmReaderTests {

    private static final FtmReader READER = new FtmReader(Vocabulary.load());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Ref> REFS = Map.of("p", new Ref("person/p", "Person", "P", null), "o",
            new Ref("organization/o", "Organization", "O", null), "e", new Ref("event/e", "Event", "E", null), "d",
            new Ref("document/d", "Document", "Ledger", "https://example.org/ledger"));

    @SuppressWarnings("unchecked")
    private static FtmEntity line(String json) {
        return FtmEntity.of(JSON.readValue(json, Map.class));
    }

    private static Map<String, Object> link(String json) {
        return READER.relationship(line(json), REFS::get,
                (name) -> "Ledger".equals(name) ? List.of(REFS.get("d")) : List.of(), "document/dataset-x");
    }

    private static Map<String, Object> entity(String json) {
        FtmEntity ftm = line(json);
        String type = FtmReader.entityType(ftm);
        return READER.entity(ftm, FtmReader.caseGraphId(ftm.id(), type), type, REFS::get,
                (name) -> "Ledger".equals(name) ? List.of(REFS.get("d")) : List.of(), "document/dataset-x");
    }

    @Test
    void linksComeBackAsTheTypeTheirSchemaRoleAndEndsSay() {
        assertThat(
                link("""
                        {"id": "m", "schema": "Membership", "properties": {"member": ["p"], "organization": ["o"], "role": ["office holder"]}}"""))
            .containsEntry("type", "HOLDS_OFFICE")
            .doesNotContainKey("role");
        assertThat(
                link("""
                        {"id": "m", "schema": "Membership", "properties": {"member": ["p"], "organization": ["o"], "role": ["treasurer"]}}"""))
            .containsEntry("type", "MEMBER_OF")
            .containsEntry("role", "treasurer");
        assertThat(
                link("""
                        {"id": "u", "schema": "UnknownLink", "properties": {"subject": ["p"], "object": ["e"], "role": ["participated in"]}}"""))
            .containsEntry("type", "PARTICIPATED_IN")
            .doesNotContainKey("role");
        assertThat(link("""
                {"id": "d", "schema": "Directorship", "properties": {"director": ["p"], "organization": ["o"],
                 "role": ["managing director"], "startDate": ["2012-03-01T00:00:00"]}}"""))
            .containsEntry("type", "OPERATED")
            .containsEntry("role", "managing director")
            .containsEntry("validFrom", "2012-03-01");
    }

    @Test
    void quotesBecomeCitationsAndOtherTextStaysText() {
        assertThat(
                link("""
                        {"id": "e1", "schema": "Employment", "properties": {"employee": ["p"], "employer": ["o"],
                         "description": ["\u201cP works for O\u201d \u2014 Ledger", "hired in spring"], "summary": ["a note"]}}"""))
            .containsEntry("sources", List.of(Map.of("doc", "document/d", "quote", "P works for O")))
            .containsEntry("note", "a note\n\nhired in spring");
        assertThat(link("""
                {"id": "e2", "schema": "Employment", "properties": {"employee": ["p"], "employer": ["o"]}}"""))
            .containsEntry("id", "e2")
            .containsEntry("sources", List.of(Map.of("doc", "document/dataset-x", "quote", "e2")));
    }

    @Test
    void caseGraphsOwnEventOutcomeAndFigureAreReadBackButADescriptionFromElsewhereIsNot() {
        assertThat(
                entity("""
                        {"id": "event.trial", "schema": "Event", "properties": {"name": ["Trial"], "startDate": ["2007"],
                         "description": ["date inferred: from the ruling; sentence: 3\u20135 years; fine: 1000 PHP; at-least 12 convictions"]}}"""))
            .containsEntry("dateQualifier", "inferred")
            .containsEntry("dateReasoning", "from the ruling")
            .containsEntry("sentenceYears", 3.0)
            .containsEntry("sentenceYearsMax", 5.0)
            .containsEntry("fineAmount", 1000.0)
            .containsEntry("fineCurrency", "PHP")
            .containsEntry("countQualifier", "at-least")
            .containsEntry("count", 12L)
            .containsEntry("countOf", "convictions");
        assertThat(entity("""
                {"id": "raid-17", "schema": "Event", "properties": {"name": ["Raid"], "startDate": ["2007"],
                 "description": ["2007 raid on a karaoke bar"]}}"""))
            .containsEntry("summary", "2007 raid on a karaoke bar")
            .doesNotContainKey("count");
        assertThat(entity("""
                {"id": "statistic.rate", "schema": "Note", "properties": {"name": ["Rate"],
                 "description": ["prevalence of minors: nearly 8.5 percent (2012)"]}}"""))
            .containsEntry("type", "Statistic")
            .containsEntry("metric", "prevalence of minors")
            .containsEntry("qualifier", "nearly")
            .containsEntry("value", 8.5)
            .containsEntry("unit", "percent")
            .containsEntry("period", "2012");
    }

    @Test
    void entitiesFromElsewhereGetTheirTypesPrefixAndTheNearestKind() {
        assertThat(
                entity("""
                        {"id": "NK-x1Y", "schema": "Company", "properties": {"name": ["Harbour Ltd", "Harbour Limited"], "country": ["kh"]}}"""))
            .containsEntry("id", "organization/nk-x1y")
            .containsEntry("kind", "business")
            .containsEntry("aliases", List.of("Harbour Limited"))
            .containsEntry("country", "Cambodia");
        assertThatIllegalArgumentException().isThrownBy(() -> entity("""
                {"id": "v", "schema": "Vessel", "properties": {"name": ["Star"]}}"""))
            .withMessageStartingWith("schema 'Vessel' has no CaseGraph type");
        assertThatIllegalArgumentException().isThrownBy(() -> entity("""
                {"id": "x", "schema": "Person", "properties": {"name": "not a list"}}"""))
            .withMessage("property 'name' must be a list of strings, as FtM writes every value");
    }

}
