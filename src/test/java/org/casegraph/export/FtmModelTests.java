package org.casegraph.export;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator the export tests rely on finds what it must: each broken line is
 * reported, a sound one is not.
 */
class FtmModelTests {

    private static final FtmModel MODEL = FtmModel.load();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PERSON = """
            {"id": "person.a", "schema": "Person", "properties": {"name": ["A"], "nationality": ["kh"], "proof": ["document.d"]}}""";

    private static final String DOCUMENT = """
            {"id": "document.d", "schema": "Document", "properties": {"name": ["D"], "fileName": ["d.txt"], "publishedAt": ["2011-12"]}}""";

    private static final String ORGANIZATION = """
            {"id": "organization.o", "schema": "PublicBody", "properties": {"name": ["O"]}}""";

    private static List<String> problems(String... lines) {
        List<JsonNode> parsed = java.util.Arrays.stream(lines).map(JSON::readTree).toList();
        return MODEL.validate(parsed);
    }

    @Test
    void soundLinesPass() {
        assertThat(problems(PERSON, DOCUMENT, ORGANIZATION,
                """
                        {"id": "rel-1", "schema": "Membership", "properties": {"member": ["person.a"], "organization": ["organization.o"],
                         "startDate": ["2011"], "role": ["senator"]}}"""))
            .isEmpty();
        // Inherited properties count: Person has notes from Thing, Membership has
        // description from Interval.
        assertThat(MODEL.schema("Person").properties()).containsKeys("notes", "proof", "nationality");
        assertThat(MODEL.schema("Membership").properties()).containsKeys("description", "startDate", "role");
        assertThat(MODEL.countryCodes()).contains("kh", "us", "ru").doesNotContain("KH");
    }

    @Test
    void eachBrokenLineIsReported() {
        assertThat(problems(DOCUMENT, """
                {"id": "x.1", "schema": "Thing", "properties": {"name": ["T"]}}""")).singleElement()
            .asString()
            .contains("abstract");
        assertThat(problems(DOCUMENT, """
                {"id": "x.1", "schema": "Person", "properties": {"name": ["P"], "statement": ["no such property"]}}"""))
            .singleElement()
            .asString()
            .contains("no property 'statement'");
        assertThat(problems(DOCUMENT, """
                {"id": "x.1", "schema": "Person", "properties": {"name": "not a list"}}""")).singleElement()
            .asString()
            .contains("list");
        assertThat(problems(DOCUMENT, """
                {"id": "x.1", "schema": "Person", "properties": {"name": ["P"], "height": [180]}}""")).singleElement()
            .asString()
            .contains("not a string");
        assertThat(problems(PERSON, DOCUMENT, """
                {"id": "rel-1", "schema": "Membership", "properties": {"member": ["person.a"]}}"""))
            .contains("line 3 (rel-1): edge Membership lacks its organization");
        assertThat(problems(PERSON, """
                {"id": "document.d", "schema": "Document", "properties": {"name": ["D"], "fileName": ["d"]}}""",
                """
                        {"id": "rel-1", "schema": "Membership", "properties": {"member": ["person.a"], "organization": ["organization.gone"]}}"""))
            .singleElement()
            .asString()
            .contains("not in the export");
        assertThat(problems(PERSON, DOCUMENT,
                """
                        {"id": "rel-1", "schema": "Membership", "properties": {"member": ["person.a"], "organization": ["document.d"]}}"""))
            .singleElement()
            .asString()
            .contains("not a Organization");
        assertThat(problems(DOCUMENT, """
                {"id": "x.1", "schema": "Event", "properties": {"name": ["E"], "startDate": ["2011-13"]}}"""))
            .singleElement()
            .asString()
            .contains("not an ISO date");
        assertThat(problems(DOCUMENT, """
                {"id": "x.1", "schema": "Person", "properties": {"name": ["P"], "nationality": ["KH"]}}"""))
            .singleElement()
            .asString()
            .contains("country codes");
        assertThat(problems(DOCUMENT, """
                {"id": "person/x", "schema": "Person", "properties": {"name": ["P"]}}""")).singleElement()
            .asString()
            .contains("not an FtM entity id");
        assertThat(problems("""
                {"id": "document.d", "schema": "Document", "properties": {"name": ["D"], "title": ["no file"]}}"""))
            .singleElement()
            .asString()
            .contains("requires fileName");
    }

}
