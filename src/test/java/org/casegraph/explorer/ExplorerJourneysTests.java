package org.casegraph.explorer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.CaseGraphTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys a journalist or an investigator takes through the explorer, in a real
 * headless Chromium against the service with its seed data. What the pages must show is
 * read from the API in the same test, never written here. Each journey leaves screenshots
 * under target/explorer/.
 */
@CaseGraphTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerJourneysTests extends BrowserJourney {

    static final Map<String, String> measured = new LinkedHashMap<>();

    @Autowired
    GraphQlTester graphQl;

    @AfterAll
    static void writeMeasurements() throws Exception {
        if (!measured.isEmpty()) {
            StringBuilder text = new StringBuilder();
            measured.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
            Files.createDirectories(Path.of("target", "explorer"));
            Files.writeString(Path.of("target", "explorer", "measured.txt"), text);
        }
    }

    /**
     * No script error, failed load or Content-Security-Policy violation on the pages seen
     * so far.
     */
    private void noProblemsInTheConsole() {
        assertThat(browser.problems()).as("console errors and warnings").isEmpty();
    }

    @Test
    @Order(1)
    @SuppressWarnings({ "rawtypes", "unchecked" })
    void searchAMisspeltNameOpenThePersonAndSeeThePardonWithItsQuote() {
        open("/");
        measured.put("first screen of / (ms, navigation start to content shown)",
                String.valueOf(Math.round(((Number) browser.script("return performance.now()")).doubleValue())));
        WebElement box = find("#search-q");
        box.sendKeys("Trofimv");
        // As you type: the suggestions forgive the typo.
        browser.waiting(10)
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-q-suggestions"),
                    "Alexander Trofimov"));
        browser.screenshot("1a-suggestions");
        box.sendKeys(Keys.ENTER);
        ready();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/search?q=Trofimv");
        List<String> apiResults = this.graphQl
            .document("{ search(query: \"Trofimv\", first: 20) { edges { node { name } } } }")
            .execute()
            .path("search.edges[*].node.name")
            .entityList(String.class)
            .get();
        assertThat(texts("#results > li > a")).isEqualTo(apiResults);
        assertThat(browser.driver().findElements(By.cssSelector("#results > li:first-child mark"))).isNotEmpty();
        browser.screenshot("1b-search-results");

        browser.driver().findElement(By.linkText("Alexander Trofimov")).click();
        ready();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/entity/person/alexander-trofimov");
        assertThat(find("h1").getText()).isEqualTo("Alexander Trofimov");

        GraphQlTester.Response status = this.graphQl.document("""
                { entity(id: "person/alexander-trofimov") { ... on Person { legalStatus { standing
                  history { id name kind sources { quote } } } } } }""").execute();
        assertThat(texts(".legal .badge"))
            .isEqualTo(status.path("entity.legalStatus[*].standing").entityList(String.class).get());
        List<Map> history = status.path("entity.legalStatus[0].history").entityList(Map.class).get();
        Map<?, ?> pardon = history.stream()
            .filter((event) -> "pardon".equals(event.get("kind")))
            .findFirst()
            .orElseThrow();
        WebElement pardonRow = browser.driver()
            .findElements(By.cssSelector(".legal-event"))
            .stream()
            .filter((row) -> row.getText().contains((String) pardon.get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the pardon is not in the legal status"));
        String quote = (String) ((Map<?, ?>) ((List<?>) pardon.get("sources")).get(0)).get("quote");
        assertThat(pardonRow.findElements(By.cssSelector("blockquote p")).stream().map(WebElement::getText))
            .contains("“" + quote + "”");
        // The quote links to its source document.
        assertThat(pardonRow.findElement(By.cssSelector("blockquote footer a")).getAttribute("href"))
            .contains("/document/");
        new Actions(browser.driver()).scrollToElement(pardonRow).perform();
        browser.screenshot("1c-person-pardon");
        noProblemsInTheConsole();
    }

    @Test
    @Order(2)
    void openTheNetworkExpandANodeHideAHubUndoAndShareTheView() {
        String root = "person/alexander-trofimov";
        open("/network/" + root);
        assertThat(nodesShown()).isEqualTo(Set.copyOf(neighborhood(root, 1, 50, List.of())));

        // Click a node on the canvas itself: the side panel shows it.
        String pardon = "event/trofimov-pardon";
        clickNode(pardon);
        browser.waiting(10)
            .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#net-panel h2"), "Pardon"));
        try {
            browser.waiting(10)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#net-panel blockquote")));
        }
        catch (org.openqa.selenium.TimeoutException ex) {
            throw new AssertionError("no quote in the panel: " + find("#net-panel").getAttribute("innerHTML")
                    + " console: " + browser.problems(), ex);
        }

        // Expand it: its neighbours join, capped per click.
        find("#net-panel button.primary").click();
        browser.waiting(10).until(ExpectedConditions.urlContains("expand=" + pardon));
        ready();
        Set<String> expanded = new LinkedHashSet<>(neighborhood(root, 1, 50, List.of()));
        expanded.addAll(neighborhood(pardon, 1, 25, List.of()));
        assertThat(nodesShown()).isEqualTo(expanded);
        browser.screenshot("2a-network-expanded");

        // Hide a hub: it goes, with what only it brought, and stays hidden for the
        // expansion too.
        String hub = "case/trofimov-child-sexual-abuse";
        browser.driver().findElement(By.cssSelector("#network-nodes li[data-id='" + hub + "'] button")).click();
        browser.waiting(10)
            .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#net-panel"), "Hide"));
        clickButton("#net-panel button", "Hide");
        browser.waiting(10).until(ExpectedConditions.urlContains("exclude=" + hub));
        ready();
        Set<String> hidden = new LinkedHashSet<>(neighborhood(root, 1, 50, List.of(hub)));
        hidden.addAll(neighborhood(pardon, 1, 25, List.of(hub)));
        assertThat(nodesShown()).isEqualTo(hidden).doesNotContain(hub);

        // The address is the view: opened afresh, it shows the same.
        String shared = browser.driver().getCurrentUrl();
        browser.driver().get(shared);
        ready();
        assertThat(nodesShown()).isEqualTo(hidden);
        browser.screenshot("2b-network-shared");

        // Undo takes back the last step.
        browser.driver().navigate().back();
        ready();
        assertThat(nodesShown()).isEqualTo(expanded);

        // Reveal links among the nodes shown: every relationship among them, as the API's
        // subgraph has them.
        find("#net-links").click();
        browser.waiting(10).until(ExpectedConditions.urlContains("links=1"));
        ready();
        int among = this.graphQl.document("query($ids: [ID!]!) { subgraph(ids: $ids) { relationships { id } } }")
            .variable("ids", List.copyOf(expanded))
            .execute()
            .path("subgraph.relationships")
            .entityList(Object.class)
            .get()
            .size();
        assertThat(browser.driver().findElements(By.cssSelector("#network-edges > li"))).hasSize(among);
        noProblemsInTheConsole();

        // Scale: a 2-hop neighbourhood of up to 200 entities around the busiest hub, laid
        // out.
        open("/network/organization/international-justice-mission?depth=2&limit=200");
        measured.put(
                "network of " + browser.driver().findElement(By.id("main")).getAttribute("data-nodes")
                        + " nodes laid out (ms)",
                browser.driver().findElement(By.id("main")).getAttribute("data-layout-ms"));
        browser.screenshot("2c-network-hub");
    }

    private Set<String> nodesShown() {
        return Set.copyOf(browser.driver()
            .findElements(By.cssSelector("#network-nodes > li"))
            .stream()
            .map((item) -> item.getAttribute("data-id"))
            .toList());
    }

    private List<String> neighborhood(String id, int depth, int limit, List<String> exclude) {
        return this.graphQl.document("""
                query($id: ID!, $depth: Int, $limit: Int, $exclude: [ID!]) {
                  neighborhood(id: $id, depth: $depth, limit: $limit, excludeIds: $exclude) { nodes { id } } }""")
            .variable("id", id)
            .variable("depth", depth)
            .variable("limit", limit)
            .variable("exclude", exclude)
            .execute()
            .path("neighborhood.nodes[*].id")
            .entityList(String.class)
            .get()
            .stream()
            .sorted()
            .toList();
    }

    /** A real click on the canvas where Cytoscape drew the node. */
    private void clickNode(String id) {
        WebElement canvas = find("#cy");
        @SuppressWarnings("unchecked")
        Map<String, Number> position = (Map<String, Number>) browser.script(
                "const n = window.casegraphNetwork().getElementById(arguments[0]); return n.renderedPosition();", id);
        int x = (int) Math.round(position.get("x").doubleValue() - canvas.getSize().getWidth() / 2.0);
        int y = (int) Math.round(position.get("y").doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();
    }

    @Test
    @Order(3)
    @SuppressWarnings({ "rawtypes", "unchecked" })
    void traceCochranToBoxerAndSeeTheSignedLetter() {
        open("/paths");
        pick("#path-from", "Cochran", "Thad Cochran");
        pick("#path-to", "Boxer", "Barbara Boxer");
        browser.driver().findElement(By.cssSelector(".paths-form button[type=submit]")).click();
        browser.waiting(10).until(ExpectedConditions.urlContains("from=person/thad-cochran&to=person/barbara-boxer"));
        ready();

        // The routes as the API has them, hop by hop: the page lists each one in that
        // order, every hop with its
        // relationships and the quotes behind them.
        List<Map> paths = this.graphQl.document("""
                { paths(fromId: "person/thad-cochran", toId: "person/barbara-boxer", first: 10) {
                  hops { from { id name } to { id name } relationships { type sources { quote } } } } }""")
            .execute()
            .path("paths")
            .entityList(Map.class)
            .get();
        List<WebElement> shown = browser.driver().findElements(By.cssSelector("#routes > li"));
        assertThat(shown).hasSize(paths.size());
        String letter = "document/senators-letter-to-clinton-on-cambodian-pardons";
        WebElement route = null;
        String signed = null;
        for (int i = 0; i < paths.size(); i++) {
            List<Map> hops = (List<Map>) paths.get(i).get("hops");
            List<String> names = new ArrayList<>();
            names.add((String) ((Map) hops.get(0).get("from")).get("name"));
            hops.forEach((hop) -> names.add((String) ((Map) hop.get("to")).get("name")));
            List<String> stops = shown.get(i)
                .findElements(By.cssSelector(".hop-node a"))
                .stream()
                .map(WebElement::getText)
                .toList();
            assertThat(stops).as("route %d, hop by hop", i + 1).isEqualTo(names);
            List<String> rows = shown.get(i)
                .findElements(By.cssSelector(".hop-rel"))
                .stream()
                .map(WebElement::getText)
                .toList();
            List<Map> relationships = hops.stream()
                .flatMap((hop) -> ((List<Map>) hop.get("relationships")).stream())
                .toList();
            assertThat(rows).as("route %d, a row per relationship of each hop", i + 1).hasSize(relationships.size());
            for (int r = 0; r < relationships.size(); r++) {
                assertThat(rows.get(r)).contains((String) relationships.get(r).get("type"));
                for (Map source : (List<Map>) relationships.get(r).get("sources")) {
                    assertThat(rows.get(r)).contains("“" + source.get("quote") + "”");
                }
            }
            for (Map hop : hops) {
                if ("person/thad-cochran".equals(((Map) hop.get("from")).get("id"))
                        && letter.equals(((Map) hop.get("to")).get("id"))) {
                    Map sign = ((List<Map>) hop.get("relationships")).stream()
                        .filter((r) -> "SIGNED".equals(r.get("type")))
                        .findFirst()
                        .orElseThrow();
                    route = shown.get(i);
                    signed = (String) ((Map) ((List) sign.get("sources")).get(0)).get("quote");
                }
            }
        }
        assertThat(route).as("a route through the letter Cochran signed").isNotNull();
        assertThat(route.getText()).contains("SIGNED").contains("“" + signed + "”");
        route.findElement(By.tagName("button")).click();
        assertThat(route.getAttribute("aria-current")).isEqualTo("true");
        new Actions(browser.driver()).scrollToElement(route).perform();
        browser.screenshot("3-paths-cochran-boxer");
        noProblemsInTheConsole();
    }

    private void pick(String input, String typed, String choice) {
        WebElement field = find(input);
        field.sendKeys(typed);
        String list = input.substring(1) + "-suggestions";
        browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id(list), choice));
        browser.driver()
            .findElements(By.cssSelector("#" + list + " [role=option]"))
            .stream()
            .filter((option) -> option.getText().contains(choice))
            .findFirst()
            .orElseThrow()
            .click();
        assertThat(field.getAttribute("value")).isEqualTo(choice);
    }

    @Test
    @Order(4)
    @SuppressWarnings("rawtypes")
    void openTheTimelineFor2002To2015AndOpenAnEvent() {
        open("/timeline?from=2002&to=2015");
        find(".tl .vis-item");
        List<Map> events = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = this.graphQl.document("""
                    query($after: String) { timeline(from: "2002", to: "2015", first: 100, after: $after) {
                      pageInfo { hasNextPage endCursor } edges { node { id name cases { id } } } } }""")
                .variable("after", after)
                .execute();
            events.addAll(page.path("timeline.edges[*].node").entityList(Map.class).get());
            after = page.path("timeline.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("timeline.pageInfo.endCursor").entity(String.class).get() : null;
        }
        while (after != null);
        int entries = events.stream().mapToInt((event) -> Math.max(1, ((List) event.get("cases")).size())).sum();
        assertThat(browser.driver().findElements(By.cssSelector("#timeline-text li"))).hasSize(entries);
        assertThat(browser.driver().findElements(By.cssSelector(".tl .vis-item"))).isNotEmpty();
        browser.screenshot("4a-timeline-2002-2015");

        // Open an event on the timeline itself.
        WebElement item = browser.driver().findElements(By.cssSelector(".tl .vis-item.vis-range")).get(0);
        new Actions(browser.driver()).moveToElement(item).click().perform();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tl-panel blockquote")));

        // And from the list: the event with its people and quotes.
        Map<?, ?> pardon = events.stream()
            .filter((event) -> "event/trofimov-pardon".equals(event.get("id")))
            .findFirst()
            .orElseThrow();
        browser.driver()
            .findElement(By.cssSelector("#timeline-text li[data-id='event/trofimov-pardon'] button"))
            .click();
        browser.waiting(10)
            .until(ExpectedConditions.textToBe(By.cssSelector("#tl-panel h2"), (String) pardon.get("name")));
        List<String> quotes = this.graphQl.document("{ entity(id: \"event/trofimov-pardon\") { sources { quote } } }")
            .execute()
            .path("entity.sources[*].quote")
            .entityList(String.class)
            .get();
        assertThat(texts("#tl-panel blockquote p")).isEqualTo(quotes.stream().map((q) -> "“" + q + "”").toList());
        assertThat(texts("#tl-panel a")).contains("Alexander Trofimov");
        browser.screenshot("4b-timeline-event");
        noProblemsInTheConsole();
    }

    @Test
    @Order(5)
    void aDocumentShowsEveryFactThatCitesIt() {
        String document = this.graphQl
            .document("{ entity(id: \"event/trofimov-pardon\") { sources { document { id } } } }")
            .execute()
            .path("entity.sources[0].document.id")
            .entity(String.class)
            .get();
        open("/document/" + document.substring("document/".length()));
        List<String> quotes = this.graphQl
            .document("query($id: ID!) { entity(id: $id) { ... on Document { citedBy(first: 500) { quote } } } }")
            .variable("id", document)
            .execute()
            .path("entity.citedBy[*].quote")
            .entityList(String.class)
            .get();
        assertThat(texts("#cited-by blockquote p")).isEqualTo(quotes.stream().map((q) -> "“" + q + "”").toList());
        browser.screenshot("5-document");
        noProblemsInTheConsole();
    }

    @Test
    @Order(6)
    void graphiqlRunsFromTheJarWithNothingFromOtherOrigins() throws Exception {
        browser.driver().get("http://127.0.0.1:" + this.port + "/graphiql");
        find(".graphiql-container .graphiql-execute-button").click();
        browser.waiting(20)
            .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-response"),
                    "Alexander Trofimov"));
        browser.screenshot("6-graphiql");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser
            .script("return performance.getEntriesByType('resource').map((e) => e.name)");
        // (GraphiQL's stylesheet embeds its fonts as data: URLs, which the policy
        // refuses: it uses system fonts.)
        assertThat(loaded.stream().filter((url) -> !url.startsWith("data:"))).isNotEmpty()
            .allMatch((url) -> url.startsWith("http://127.0.0.1:" + this.port + "/"));
        assertThat(browser.problems())
            .allMatch((problem) -> problem.contains("font-src") && problem.contains("'data:font/"));
        for (String path : List.of("/", "/graphiql", "/entity/person/alexander-trofimov")) {
            HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ContentSecurityPolicy.POLICY);
        }
    }

    @Test
    @Order(7)
    void everyPageHasNoSeriousAccessibilityFindingAndFitsAPhone() {
        List<String> pages = List.of("/", "/search?q=Trofimv", "/entity/person/alexander-trofimov",
                "/network/person/alexander-trofimov", "/paths?from=person/thad-cochran&to=person/barbara-boxer",
                "/timeline?from=2002&to=2015", "/document/senators-letter-to-clinton-on-cambodian-pardons");
        Map<String, List<String>> findings = new LinkedHashMap<>();
        for (String path : pages) {
            open(path);
            List<String> serious = browser.seriousAccessibilityViolations();
            if (!serious.isEmpty()) {
                findings.put(path, serious);
            }
        }
        browser.resize(390, 844);
        Map<String, Number> overflow = new LinkedHashMap<>();
        try {
            int i = 0;
            for (String path : pages) {
                open(path);
                Number wider = (Number) browser
                    .script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (wider.intValue() > 0) {
                    overflow.put(path, wider);
                }
                browser.screenshot("7-phone-" + (++i));
                List<String> serious = browser.seriousAccessibilityViolations();
                if (!serious.isEmpty()) {
                    findings.put(path + " (phone)", serious);
                }
            }
        }
        finally {
            browser.resize(1280, 900);
        }
        assertThat(findings).as("axe-core serious or critical findings").isEmpty();
        assertThat(overflow).as("pages wider than a phone (px)").isEmpty();
        noProblemsInTheConsole();
    }

}
