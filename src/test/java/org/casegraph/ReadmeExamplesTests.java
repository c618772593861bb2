package org.casegraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README says its examples are the service's real answers; these tests keep that
 * true. Each query of "Try it" and of the worked examples is sent over HTTP without a
 * key, as a reader pastes it, and must answer exactly the JSON printed under it. They run
 * on a database of their own holding only the seed data, so that other tests' edits
 * cannot change the answers.
 */
@CaseGraphTest
@TestPropertySource(properties = "casegraph.test.database=readme")
class ReadmeExamplesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern BLOCK = Pattern.compile("^ *```(\\w*)\\n(.*?)^ *```$",
            Pattern.MULTILINE | Pattern.DOTALL);

    private static final Pattern CURL_BODY = Pattern.compile("-d '(.*?)'", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void answersAsPrinted(String title, String query, String printed) throws Exception {
        Map<String, Object> response = new GraphQlHttp(this.port).post(null, query, Map.of());
        JsonNode answer = JSON.valueToTree(response);
        assertThat(answer)
            .as("the answer to %s:%n%s", title, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer))
            .isEqualTo(JSON.readTree(printed));
    }

    /**
     * Every query with the answer printed after it, in "Try it" and in the worked
     * examples.
     */
    static List<Arguments> examples() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<Arguments> examples = new ArrayList<>();
        examples.addAll(examples(section(readme, "## Try it", "\n## ")));
        examples.addAll(examples(section(readme, "### Worked examples on the seed data", "\n## ")));
        assertThat(examples).as("examples found in the README").isNotEmpty();
        return examples;
    }

    private static String section(String readme, String heading, String end) {
        int start = readme.indexOf(heading);
        assertThat(start).as("the README's section %s", heading).isNotNegative();
        int stop = readme.indexOf(end, start + heading.length());
        return readme.substring(start, stop < 0 ? readme.length() : stop);
    }

    /**
     * Pairs each query (a graphql block, or the body of a curl command) with the json
     * block right after it. A query without an answer, or an answer without a query,
     * fails: an example the test cannot read is not left unchecked.
     */
    private static List<Arguments> examples(String section) {
        List<Arguments> examples = new ArrayList<>();
        Matcher block = BLOCK.matcher(section);
        String query = null;
        String title = null;
        while (block.find()) {
            String language = block.group(1);
            String text = block.group(2);
            if (query != null) {
                assertThat(language).as("the block after the query of %s", title).isEqualTo("json");
                examples.add(Arguments.of(title, query, text));
                query = null;
                continue;
            }
            title = titleBefore(section, block.start());
            if (language.equals("graphql")) {
                query = text.strip();
            }
            else if (language.equals("sh") && text.contains("curl")) {
                Matcher body = CURL_BODY.matcher(text);
                assertThat(body.find()).as("a JSON body in %s", text).isTrue();
                query = JSON.readTree(body.group(1)).get("query").asString();
            }
            else {
                assertThat(language).as("a %s block in %s without a query before it", language, title)
                    .isNotEqualTo("json");
            }
        }
        assertThat(query).as("the answer to the last query, in %s", title).isNull();
        return examples;
    }

    /**
     * The heading an example sits under (a "## " or "#### " line; a "# " line may be a
     * comment in a code block).
     */
    private static String titleBefore(String section, int at) {
        int heading = Math.max(section.lastIndexOf("\n#### ", at), section.lastIndexOf("\n## ", at));
        String line = section.substring(heading + 1, section.indexOf('\n', heading + 1));
        return line.replaceFirst("^#+ ", "");
    }

}
