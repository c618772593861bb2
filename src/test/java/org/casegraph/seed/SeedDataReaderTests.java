package org.casegraph.seed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.graph.Vocabulary;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.EntityValidator;
import org.casegraph.record.VictimGroupRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every way seed data is refused, each reported as file:line: message.
 */
class SeedDataReaderTests {

    private static final String SOURCE = """
            entities:
              - id: document/source
                type: Document
                name: A source
                seedFile: 000_source.txt
                sources:
                  - doc: document/source
                    quote: A source
            """;

    private final SeedDataReader reader = new SeedDataReader(new EntityValidator(Vocabulary.load()));

    private List<String> problems(String text) {
        return assertThatExceptionOfType(SeedDataException.class)
            .isThrownBy(() -> this.reader.read(List.of(new SeedDataReader.SourceFile("seed-data/source.yaml", SOURCE),
                    new SeedDataReader.SourceFile("seed-data/test.yaml", text))))
            .actual()
            .problems();
    }

    @Test
    void readsValidDataWithPropertiesInNeo4jForm() {
        SeedData data = this.reader.read(List.of(new SeedDataReader.SourceFile("seed-data/source.yaml", SOURCE),
                new SeedDataReader.SourceFile("seed-data/test.yaml", """
                        entities:
                          - id: event/a-sentence
                            type: Event
                            name: A sentence
                            kind: sentence
                            date: 2014-11
                            sentenceYears: 15
                            fineAmount: 500000
                            fineCurrency: PHP
                            sources:
                              - doc: document/source
                                quote: "A   source"
                        relationships:
                          - type: MENTIONS
                            from: document/source
                            to: event/a-sentence
                            sources:
                              - {doc: document/source, quote: A source}
                        """)));
        assertThat(data.entities()).hasSize(2);
        EntityRecord sentence = data.entities().get(1);
        assertThat(sentence.properties()).containsEntry("date", "2014-11")
            .containsEntry("sentenceYears", 15.0)
            .containsEntry("fineAmount", 500000.0);
        assertThat(sentence.citations()).containsExactly(new Citation("document/source", "A source"));
        assertThat(data.relationships()).singleElement()
            .satisfies((r) -> assertThat(r.id()).isEqualTo("document/source|MENTIONS|event/a-sentence"));
    }

    @Test
    void rejectsUnknownEntityType() {
        assertThat(problems("""
                entities:
                  - id: villain/x
                    type: Villain
                    name: X
                    sources: [{doc: document/source, quote: A source}]
                """)).containsExactly("seed-data/test.yaml:3: unknown entity type 'Villain'; one of "
                + "[Case, Claim, Document, Event, Organization, Person, Place, Statistic, Victim]");
    }

    @Test
    void rejectsUnknownRelationshipType() {
        assertThat(problems("""
                relationships:
                  - type: LOVES
                    from: document/source
                    to: document/source
                    sources: [{doc: document/source, quote: A source}]
                """)).singleElement().asString().startsWith("seed-data/test.yaml:2: unknown relationship type 'LOVES'");
    }

    @Test
    void rejectsRelationshipBetweenWrongTypes() {
        assertThat(problems("""
                relationships:
                  - type: SIGNED
                    from: document/source
                    to: document/source
                    sources: [{doc: document/source, quote: A source}]
                """)).singleElement()
            .asString()
            .startsWith(
                    "seed-data/test.yaml:2: SIGNED cannot link a Document to a Document; it links [Person] to [Document]");
    }

    @Test
    void rejectsMissingCitations() {
        assertThat(problems("""
                entities:
                  - id: person/no-source
                    type: Person
                    name: No Source
                relationships:
                  - type: MENTIONS
                    from: document/source
                    to: person/no-source
                    sources: []
                """)).containsExactly(
                "seed-data/test.yaml:2: missing citation: every entity and relationship needs 'sources' with at least one {doc, quote}",
                "seed-data/test.yaml:9: missing citation: every entity and relationship needs 'sources' with at least one {doc, quote}");
    }

    @Test
    void rejectsDanglingReferences() {
        assertThat(problems("""
                entities:
                  - id: person/someone
                    type: Person
                    name: Someone
                    sources: [{doc: document/nowhere, quote: A source}]
                relationships:
                  - type: WORKS_FOR
                    from: person/someone
                    to: organization/nobody
                    sources: [{doc: document/source, quote: A source}]
                """)).containsExactlyInAnyOrder(
                "seed-data/test.yaml:5: citation refers to unknown document 'document/nowhere'",
                "seed-data/test.yaml:9: 'to' refers to unknown entity 'organization/nobody'");
    }

    @Test
    void rejectsDuplicateIdsAcrossFiles() {
        assertThat(problems("""
                entities:
                  - id: document/source
                    type: Document
                    name: Again
                    sources: [{doc: document/source, quote: A source}]
                """)).containsExactly(
                "seed-data/test.yaml:2: duplicate id 'document/source', already defined at seed-data/source.yaml:2");
    }

    @Test
    void rejectsMalformedPartialDates() {
        assertThat(problems("""
                entities:
                  - id: event/bad-date
                    type: Event
                    name: Bad date
                    date: 2011-13
                    endDate: Dec 2011
                    sources: [{doc: document/source, quote: A source}]
                """)).containsExactly(
                "seed-data/test.yaml:5: 'date' is not a PartialDate (2011, 2011-12 or 2011-12-15): '2011-13'",
                "seed-data/test.yaml:6: 'endDate' is not a PartialDate (2011, 2011-12 or 2011-12-15): 'Dec 2011'");
    }

    @Test
    void rejectsIdentifyingFieldsOnVictims() {
        assertThat(problems("""
                entities:
                  - id: victim/a-girl
                    type: Victim
                    name: A girl rescued in 2006
                    pseudonym: Somebody
                    birthDate: 1990-01-01
                    count: 1
                    sources: [{doc: document/source, quote: A source}]
                """)).containsExactly(
                "seed-data/test.yaml:5: identifying field 'pseudonym' is not allowed on a Victim: victims are "
                        + "recorded only by a non-identifying label, count, age band, sex and nationality",
                "seed-data/test.yaml:6: identifying field 'birthDate' is not allowed on a Victim: victims are "
                        + "recorded only by a non-identifying label, count, age band, sex and nationality");
    }

    @Test
    void rejectsInvalidYamlWithItsLine() {
        assertThat(problems("""
                entities:
                  - id: person/x
                    name: "unclosed
                """)).singleElement().asString().startsWith("seed-data/test.yaml:4: not valid YAML");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(problems("""
                entities:
                  - id: Person/Bad Id
                    type: Person
                    name: Bad
                    shoeSize: 44
                    sources: [{doc: document/source, quote: A source}]
                  - id: event/undated
                    type: Event
                    name: Undated
                    dateQualifier: inferred
                    sources: [{doc: document/source, quote: A source}]
                """)).hasSize(4);
    }

    @Test
    void approximateAndInferredDatesBothNeedTheirReasoning() {
        assertThat(problems("""
                entities:
                  - id: event/about-then
                    type: Event
                    name: About then
                    date: 2011
                    dateQualifier: approximate
                    sources: [{doc: document/source, quote: A source}]
                  - id: event/worked-out
                    type: Event
                    name: Worked out
                    date: 2011-12
                    dateQualifier: inferred
                    dateReasoning: "  "
                    sources: [{doc: document/source, quote: A source}]
                relationships:
                  - type: MENTIONS
                    from: document/source
                    to: event/about-then
                    validFrom: 2011
                    dateQualifier: approximate
                    sources: [{doc: document/source, quote: A source}]
                """)).containsExactly(
                "seed-data/test.yaml:6: an approximate date needs a dateReasoning saying how it was worked out",
                "seed-data/test.yaml:12: an inferred date needs a dateReasoning saying how it was worked out",
                "seed-data/test.yaml:20: an approximate date needs a dateReasoning saying how it was worked out");
    }

    @Test
    void anOrdinalFitsTheSortKey() {
        assertThat(problems("""
                entities:
                  - id: event/far-down
                    type: Event
                    name: Far down
                    date: 2011-12-15
                    ordinal: 1000
                    sources: [{doc: document/source, quote: A source}]
                """)).containsExactly("seed-data/test.yaml:6: 'ordinal' must be between -999 and 999, not 1000");
    }

    @Test
    void refusesVictimGroupDetailWithFileLineRuleAndField() throws Exception {
        String file = "victim-groups/bad-victim-group.yaml";
        String text = new String(getClass().getResourceAsStream("/" + file).readAllBytes(), StandardCharsets.UTF_8);
        List<String> problems = assertThatExceptionOfType(SeedDataException.class)
            .isThrownBy(() -> this.reader.read(List.of(new SeedDataReader.SourceFile(file, text))))
            .actual()
            .problems();
        Pattern located = Pattern
            .compile("^(" + Pattern.quote(file) + ":\\d+): " + VictimGroupRule.NAME + ": ([\\w\\[\\].]+): .+");
        assertThat(problems).allSatisfy((problem) -> assertThat(problem).matches(located));
        assertThat(problems.stream().map((problem) -> {
            Matcher matcher = located.matcher(problem);
            return matcher.matches() ? matcher.group(1) + " " + matcher.group(2) : problem;
        })).containsExactlyInAnyOrder(
                // a group of two: its summary's month and weekday, an age band that is
                // one age, a first-person quote
                file + ":35 summary", file + ":37 ageBand", file + ":41 sources[1].quote",
                // no count counts as fewer than five; and no group states one person's
                // age
                file + ":45 name", file + ":54 ageBand",
                // links: to a day-dated event, from a venue, valid from a month, with a
                // first-person quote
                file + ":61 to", file + ":65 from", file + ":72 validFrom", file + ":74 sources[0].quote");
        // The group of twelve may be linked to the day-dated rescue: no problem names its
        // link (lines 75-79).
        assertThat(problems).noneMatch((problem) -> problem.matches(Pattern.quote(file) + ":(7[5-9]):.*"));
    }

}
