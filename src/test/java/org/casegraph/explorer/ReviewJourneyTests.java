package org.casegraph.explorer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casegraph.importer.FtmImport;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor's journey through the review pages, in a real headless Chromium: sign in,
 * have an unsupported file refused in plain words, upload an invented article, find it
 * listed, accept the mention the graph links, accept a new person, clear and set the
 * victim flag, lose a race to another editor and reload, publish, and read the published
 * document with the victim's name replaced by [victim]; then decide the merges an FtM
 * import proposed, merging one imported company and keeping another beside its namesake.
 * Everyone in the article, and every company imported, is invented here; the organization
 * the article names is read from the seed data. The application runs as in production,
 * only trusted documents and no introspection, so the pages prove that what they send is
 * registered; it has an editor's key and a context of its own, so what it publishes
 * reaches no other test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "casegraph.api-keys[0].name=test-editor",
                "casegraph.api-keys[0].sha256=c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889",
                "casegraph.api-keys[0].role=editor", "casegraph.trusted-documents.enabled=true",
                "spring.graphql.schema.introspection.enabled=false" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewJourneyTests extends BrowserJourney {

    static final String EDITOR_KEY = "test-editor-key";

    /**
     * Invented names, put together here so that they belong to no one: the girl the
     * article says was rescued, and the officer who led the operation.
     */
    static final String VICTIM_FIRST = "Zel" + "vira";

    static final String VICTIM_LAST = "Quon" + "traxe";

    static final String VICTIM = VICTIM_FIRST + " " + VICTIM_LAST;

    static final String OFFICER = "Doravan Plenkett";

    @Autowired
    FtmImport ftmImport;

    /** The mention in the list whose heading holds this text. */
    private WebElement mention(String text) {
        return browser.driver()
            .findElements(By.cssSelector("#mentions > li"))
            .stream()
            .filter((li) -> find(li, "h3").getText().contains(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no mention \"" + text + "\" in the list"));
    }

    @Test
    @Order(1)
    void withoutSigningInTheReviewPagesSayAnEditorsKeyIsNeeded() {
        open("/review");
        assertThat(find("#review-sign-in").getText()).contains("needs an editor’s API key")
            .contains("choose “Sign in” at the top right");
        assertThat(browser.driver().findElements(By.id("upload"))).isEmpty();
        browser.screenshot("review-0-sign-in");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core serious or critical findings").isEmpty();
        open("/review/0123456789abcdef");
        assertThat(find("#review-sign-in").getText()).contains("needs an editor’s API key");
        assertThat(browser.problems()).as("console errors").isEmpty();
    }

    @Test
    @Order(2)
    void uploadReviewAndPublishAnArticleWithTheVictimsNameRedacted() throws Exception {
        Map<String, Object> organization = firstSeedOrganization();
        String orgName = (String) organization.get("name");
        Path folder = Files.createDirectories(Path.of("target", "review-journey"));

        open("/review");
        signIn();
        find("#upload");
        // Nothing staged yet: the queue says what to do.
        waitForText("#pending-section", "Waiting for review (0)", 60);
        assertThat(find("#pending-empty").getText()).contains("Nothing is waiting for review. Upload");

        // A file ingest cannot read: the service's own words, on the page.
        Path picture = folder.resolve("photo.png");
        Files.write(picture, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
                'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 });
        find("#upload-file").sendKeys(picture.toAbsolutePath().toString());
        find("#upload button[type=submit]").click();
        waitForText("#upload-outcome", "photo.png", 60);
        assertThat(find("#upload-outcome [role=alert]").getText()).contains("This kind of file cannot be read.")
            .contains("which ingest does not read; send PDF, DOCX, HTML or plain text");
        browser.screenshot("review-1-refused");

        // An invented article that names an organization of the graph and two invented
        // people.
        String title = "Invented rescue report " + UUID.randomUUID().toString().substring(0, 8);
        Path article = folder.resolve("invented-rescue.html");
        Files.writeString(article, """
                <!doctype html>
                <html><head><title>Invented rescue report</title></head><body>
                <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a></nav>
                <article>
                <h1>A rescue that never happened, written for a test</h1>
                <p>Officers working with %s rescued a 15-year-old girl named %s from a karaoke bar in March 2026.</p>
                <p>The operation was led by an inspector named %s, who spoke to reporters the next day.</p>
                <p>Social workers said %s is now safe.</p>
                </article></body></html>
                """.formatted(orgName, VICTIM, OFFICER, VICTIM_FIRST), StandardCharsets.UTF_8);
        find("#upload-file").clear();
        find("#upload-file").sendKeys(article.toAbsolutePath().toString());
        find("#upload-title").sendKeys(title);
        find("#upload-url").sendKeys("https://example.org/invented-rescue");
        browser.script("arguments[0].value = '2026-03-20'", find("#upload-published"));
        find("#upload button[type=submit]").click();
        // The first upload loads the name recogniser: give it time.
        waitForText("#upload-outcome", "Review it now", 300);
        assertThat(find("#upload-outcome").getText()).containsPattern("\\d+ mentions proposed, [1-9]\\d* flagged");

        // Listed, with its file and counts.
        waitForText("#pending", title, 60);
        WebElement listed = browser.driver()
            .findElements(By.cssSelector("#pending > li"))
            .stream()
            .filter((li) -> li.getText().contains(title))
            .findFirst()
            .orElseThrow();
        assertThat(listed.getText()).contains("invented-rescue.html")
            .contains("published 20 March 2026")
            .containsPattern("\\d+ mentions · [1-9]\\d* possible victims?");
        browser.screenshot("review-2-list");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on /review").isEmpty();

        find(listed, "a.pending-title").click();
        ready();
        String ingestionId = browser.driver().getCurrentUrl().replaceAll(".*/review/", "");
        assertThat(find("h1").getText()).isEqualTo(title);
        assertThat(find("#ingest-text").getText()).contains("rescued a 15-year-old girl").doesNotContain("About us");
        // The victim's name is highlighted as such in the text and in its list twin.
        assertThat(browser.driver().findElements(By.cssSelector("#ingest-text .span.victim")))
            .extracting(WebElement::getText)
            .anyMatch((text) -> text.startsWith(VICTIM));
        WebElement victim = mention(VICTIM);
        assertThat(victim.getAttribute("data-victim")).isEqualTo("true");
        assertThat(victim.getText()).contains("possible victim")
            .contains("publishing replaces this name with [victim]");

        // The organization the graph knows: accepted as that entity.
        WebElement linked = mention(orgName);
        assertThat(find(linked, ".links-to").getText()).startsWith("Proposed link:").endsWith(orgName);
        click(linked, "button.accept-linked");
        waitForText("#review-status", "accepted as " + orgName, 30);
        assertThat(mention(orgName).getAttribute("data-status")).isEqualTo("accepted");
        assertThat(find(mention(orgName), ".links-to").getText()).startsWith("Linked to").endsWith(orgName);

        // The officer: a new person, its id and name prefilled from the mention.
        WebElement officer = mention(OFFICER);
        click(officer, ".new-entity-details summary");
        WebElement id = find(officer, "input[name=id]");
        assertThat(id.getAttribute("value")).isEqualTo("person/doravan-plenkett");
        assertThat(find(officer, "input[name=name]").getAttribute("value")).isEqualTo(OFFICER);
        assertThat(find(officer, "select[name=type]").getAttribute("value")).isEqualTo("Person");
        click(officer, ".new-entity button[type=submit]");
        waitForText("#review-status", "Person person/doravan-plenkett is created when you publish", 30);
        assertThat(find(mention(OFFICER), ".links-to").getText()).startsWith("Publishing creates")
            .endsWith(OFFICER + " (person/doravan-plenkett)");

        // The victim flag: cleared, then set again.
        click(mention(VICTIM), "button.clear-victim");
        waitForText("#review-status", "no longer flagged", 30);
        assertThat(mention(VICTIM).getAttribute("data-victim")).isEqualTo("false");
        click(mention(VICTIM), "button.mark-victim");
        waitForText("#review-status", "marked as a victim", 30);
        assertThat(mention(VICTIM).getAttribute("data-victim")).isEqualTo("true");
        assertThat(mention(VICTIM).getText()).contains("Marked as a victim");
        browser.script(
                "document.activeElement.blur(); window.scrollTo(0, 0); document.getElementById('mentions').scrollTop = 0");
        browser.screenshot("review-3-ingestion");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on /review/{id}").isEmpty();
        browser.resize(390, 844);
        try {
            Number wider = (Number) browser
                .script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(wider.intValue()).as("px wider than a phone").isLessThanOrEqualTo(0);
            browser.screenshot("review-3-phone");
            assertThat(browser.seriousAccessibilityViolations()).as("axe-core on /review/{id}, phone").isEmpty();
        }
        finally {
            browser.resize(1280, 900);
        }

        // Another editor decides meanwhile: this page's next decision is refused with
        // "reload".
        GraphQlHttp http = new GraphQlHttp(this.port);
        assertThat(http.post(EDITOR_KEY, "{ ingestions { totalCount } }", Map.of()).toString())
            .as("only trusted documents run here")
            .contains("not on its allow-list");
        Map<String, Object> read = http.post(EDITOR_KEY, trusted("ingestion"), Map.of("id", ingestionId));
        @SuppressWarnings("unchecked")
        Map<String, Object> ingestion = (Map<String, Object>) ((Map<String, Object>) read.get("data")).get("ingestion");
        @SuppressWarnings("unchecked")
        String victimMentionId = ((List<Map<String, Map<String, Object>>>) ((Map<String, Object>) ingestion
            .get("mentions")).get("edges")).stream()
            .map((edge) -> edge.get("node"))
            .filter((node) -> VICTIM.equals(node.get("text")))
            .map((node) -> (String) node.get("id"))
            .findFirst()
            .orElseThrow();
        http.mutate(EDITOR_KEY, trusted("mark-victim"),
                Map.of("mentionId", victimMentionId, "victim", true, "expectedVersion", ingestion.get("version")));
        click(mention(VICTIM), "button.reject");
        waitForText("#conflict", "Reload the page", 30);
        WebElement stale = find("#main");
        click(find("#conflict"), "button");
        browser.waiting(30).until(ExpectedConditions.stalenessOf(stale));
        ready();
        waitForText("#review-summary", "Version", 30);
        assertThat(mention(VICTIM).getAttribute("data-victim")).isEqualTo("true");

        // Publish: the confirmation names what will read [victim].
        find("#publish").click();
        WebElement dialog = find("#publish-dialog");
        assertThat(dialog.getText()).contains("will be replaced by [victim]");
        assertThat(find("#publish-creates").getText()).contains(OFFICER + " (person/doravan-plenkett)");
        assertThat(find("#publish-victims").getText()).contains(VICTIM);
        browser.screenshot("review-4-publish");
        find("#publish-confirm").click();
        waitForText("#published", "is in the graph", 60);
        assertThat(find("#published-mentions").getText()).contains(orgName).contains(OFFICER);
        stale = find("#main");
        find("#published-link").click();
        browser.waiting(30).until(ExpectedConditions.stalenessOf(stale));
        ready();

        // The published document: the facts citing it quote [victim], never the name.
        assertThat(find("h1").getText()).isEqualTo(title);
        String page = find("#main").getText();
        assertThat(page).contains("[victim]").contains(orgName);
        assertThat(page).doesNotContain(VICTIM_FIRST).doesNotContain(VICTIM_LAST);
        browser.screenshot("review-5-published-document");
        for (String name : List.of(VICTIM_FIRST, VICTIM_LAST)) {
            assertThat(http.post(null, trusted("search"), Map.of("query", name)).toString())
                .as("public search for an invented victim's name")
                .contains("totalCount=0");
        }
        assertThat(browser.problems()).as("console errors: only the refused picture's HTTP 415")
            .allMatch((problem) -> problem.contains("status of 415"));
    }

    @Test
    @Order(3)
    void aDiscardedDocumentLeavesTheQueue() throws Exception {
        Path note = Files.createDirectories(Path.of("target", "review-journey")).resolve("invented-note.txt");
        Files.writeString(note, "An invented note for a test. Officers of a made-up town met on 2 April 2026.\n");
        open("/review");
        find("#upload-file").sendKeys(note.toAbsolutePath().toString());
        find("#upload button[type=submit]").click();
        waitForText("#upload-outcome", "Review it now", 300);
        waitForText("#pending", "invented-note.txt", 60);
        WebElement stale = find("#main");
        find("#upload-outcome a").click();
        browser.waiting(30).until(ExpectedConditions.stalenessOf(stale));
        ready();
        assertThat(find("#ingest-text").getText()).contains("An invented note for a test.");
        find("#discard").click();
        assertThat(find("#discard-dialog").getText()).contains("nothing of it reaches the graph");
        find("#discard-confirm").click();
        waitForText("#main", "Discarded", 30);
        stale = find("#main");
        browser.driver().findElement(By.linkText("Back to the documents waiting for review")).click();
        browser.waiting(30).until(ExpectedConditions.stalenessOf(stale));
        ready();
        waitForText("#pending-section", "Waiting for review (0)", 60);
        assertThat(browser.problems()).as("console errors").isEmpty();
    }

    @Test
    @Order(4)
    void aPdfNeverSeenBecomesLinkedCitedFactsFoundInSearchAndOnTheTimeline() throws Exception {
        String suspect = "Kerrowen Blask";
        String eventName = "Arrest of " + suspect;
        Path pdf = Files.createDirectories(Path.of("target", "review-journey")).resolve("invented-court-report.pdf");
        writePdf(pdf, "Invented court report", "This report is invented for a test.",
                "Police arrested " + suspect + " in Phnom Penh on 14 February 2026.",
                "The Phnom Penh Municipal Court set a hearing for the spring.");
        open("/review");
        find("#upload-file").sendKeys(pdf.toAbsolutePath().toString());
        find("#upload-title").sendKeys("Invented court report");
        find("#upload button[type=submit]").click();
        waitForText("#upload-outcome", "Review it now", 300);
        WebElement stale = find("#main");
        find("#upload-outcome a").click();
        browser.waiting(30).until(ExpectedConditions.stalenessOf(stale));
        ready();
        assertThat(find("#ingest-text").getText()).contains("Police arrested " + suspect + " in Phnom Penh");
        assertThat(find("#no-relationships").getText()).contains("Accept two mentions of one sentence");

        // The court's name, cut short to the city's by the gazetteer: extended and
        // retyped.
        WebElement court = browser.driver()
            .findElements(By.cssSelector("#mentions > li"))
            .stream()
            .filter((li) -> li.getText().contains("The Phnom Penh Municipal Court set a hearing"))
            .findFirst()
            .orElseThrow();
        assertThat(find(court, "h3").getText()).contains("Phnom Penh").doesNotContain("Court");
        click(court, ".correct-details summary");
        new org.openqa.selenium.support.ui.Select(find(court, ".correct-details select[name=type]"))
            .selectByValue("Organization");
        WebElement end = find(court, ".correct-details input[name=end]");
        int extended = Integer.parseInt(end.getAttribute("value")) + " Municipal Court".length();
        end.clear();
        end.sendKeys(String.valueOf(extended));
        assertThat(find(court, ".correct-details output").getText()).isEqualTo("“Phnom Penh Municipal Court”");
        click(court, ".correct-details button[type=submit]");
        waitForText("#review-status", "Corrected: “Phnom Penh Municipal Court”, Organization, proposed again.", 30);
        assertThat(browser.driver().findElements(By.cssSelector("#ingest-text .span-Organization")))
            .extracting(WebElement::getText)
            .contains("Phnom Penh Municipal Court");

        // The place the graph knows, and the date as a new Event.
        click(mention("Phnom Penh"), "button.accept-linked");
        waitForText("#review-status", "accepted as Phnom Penh", 30);
        WebElement date = mention("14 February 2026");
        click(date, ".new-entity-details summary");
        assertThat(find(date, "select[name=type]").getAttribute("value")).isEqualTo("Event");
        WebElement name = find(date, "input[name=name]");
        name.clear();
        name.sendKeys(eventName);
        assertThat(find(date, "input[name=id]").getAttribute("value")).isEqualTo("event/arrest-of-kerrowen-blask");
        click(date, ".new-entity button[type=submit]");
        waitForText("#review-status", "Event event/arrest-of-kerrowen-blask is created when you publish", 30);

        // Two accepted mentions in one sentence: the relationship it states, its type
        // chosen from those the vocabulary allows.
        WebElement proposal = find("#relationships > li");
        assertThat(proposal.getText()).contains("Phnom Penh and 14 February 2026")
            .contains("Police arrested " + suspect + " in Phnom Penh on 14 February 2026.");
        WebElement type = find(proposal, "select[name=type]");
        WebElement occurredIn = type.findElements(By.tagName("option"))
            .stream()
            .filter((option) -> option.getText().equals("14 February 2026 — OCCURRED_IN → Phnom Penh"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("OCCURRED_IN from the event to the place is offered"));
        occurredIn.click();
        click(proposal, "button.accept-relationship");
        waitForText("#review-status", "Accepted: 14 February 2026 — OCCURRED_IN → Phnom Penh", 30);
        assertThat(find("#relationships > li").getAttribute("data-status")).isEqualTo("accepted");
        browser.screenshot("review-6-relationship");

        find("#publish").click();
        find("#publish-confirm").click();
        waitForText("#published", "is in the graph", 60);
        assertThat(find("#published-mentions").getText()).contains("Phnom Penh").contains(eventName);

        // The new facts: found by search, on the place's timeline, quoting the PDF.
        open("/search?q=" + java.net.URLEncoder.encode(eventName, StandardCharsets.UTF_8));
        assertThat(find("#results > li > a").getText()).isEqualTo(eventName);
        open("/timeline?entity=place/phnom-penh&from=2026&to=2026");
        waitForText("#timeline-text", eventName, 60);
        assertThat(find("#timeline-text").getText()).contains("14 February 2026");
        browser.screenshot("review-7-timeline");
        open("/entity/event/arrest-of-kerrowen-blask");
        assertThat(find("#main").getText())
            .contains("Police arrested " + suspect + " in Phnom Penh on 14 February 2026.")
            .contains("Invented court report")
            .contains("Phnom Penh");
    }

    /** A one-page PDF with these lines, as a court or an NGO would publish it. */
    @Test
    @Order(5)
    void mergesAnFtmImportProposedAreDecidedOnTheReviewPage() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "review-journey"));
        // Two invented companies, then a file with a namesake of each.
        importFtm(folder.resolve("invented-registry.ftm.json"), """
                {"id": "rj-tollgarth", "schema": "Company", "properties": {"name": ["Tollgarth Netting Cooperative"]}}
                {"id": "rj-pellmore", "schema": "Company", "properties": {"name": ["Pellmore Ice Works"]}}
                """);
        importFtm(folder.resolve("invented-leaks.ftm.json"), """
                {"id": "rj-tollgarth-2", "schema": "Company", "properties": {"name": ["Tollgarth Netting Co-op"], \
                "alias": ["Tollgarth Netting Cooperative"]}, "datasets": ["invented_leaks"]}
                {"id": "rj-pellmore-2", "schema": "Company", "properties": {"name": ["Pellmore Ice Works"]}, \
                "datasets": ["invented_leaks"]}
                """);

        open("/review");
        if (!browser.driver().findElements(By.id("review-sign-in")).isEmpty()) {
            signIn();
        }
        waitForText("#merges-section", "Proposed merges (2)", 60);
        WebElement tollgarth = merge("organization/rj-tollgarth-2");
        assertThat(tollgarth.getText()).contains("Tollgarth Netting Co-op (imported, organization/rj-tollgarth-2)")
            .contains("may be Tollgarth Netting Cooperative (in the graph, organization/rj-tollgarth)")
            .contains("Both are named “Tollgarth Netting Cooperative” · imported from invented_leaks");
        browser.script("arguments[0].scrollIntoView({block: 'start'})", find("#merges-section"));
        browser.screenshot("review-6-merges");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on /review with merges").isEmpty();

        click(tollgarth, "button.accept-merge");
        waitForText("#merges-status", "Merged “Tollgarth Netting Co-op” into “Tollgarth Netting Cooperative”.", 60);
        waitForText("#merges-section", "Proposed merges (1)", 60);
        click(merge("organization/rj-pellmore-2"), "button.reject-merge");
        waitForText("#merges-status", "Kept both “Pellmore Ice Works” and “Pellmore Ice Works”.", 60);
        waitForText("#merges-section", "Proposed merges (0)", 60);
        assertThat(find("#merges-empty").getText()).contains("No merge is waiting");

        // The imported company's id now leads to the one it was merged into; the other
        // stays.
        open("/entity/organization/rj-tollgarth-2");
        assertThat(find("h1").getText()).isEqualTo("Tollgarth Netting Cooperative");
        open("/entity/organization/rj-pellmore-2");
        assertThat(find("h1").getText()).isEqualTo("Pellmore Ice Works");
        assertThat(browser.problems()).as("console errors").isEmpty();
    }

    private void importFtm(Path file, String lines) throws Exception {
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        this.ftmImport.run(file, FtmImport.OnError.ABORT, FtmImport.defaultReport(file), (phase, done, total) -> {
        });
    }

    /** The proposed merge of the imported entity with this id. */
    private WebElement merge(String incomingId) {
        return browser.driver()
            .findElements(By.cssSelector("#merges > li"))
            .stream()
            .filter((li) -> li.getText().contains("(imported, " + incomingId + ")"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no proposed merge of " + incomingId + " in the list"));
    }

    private static void writePdf(Path file, String... lines) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content = new org.apache.pdfbox.pdmodel.PDPageContentStream(
                    document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(24);
                content.newLineAtOffset(60, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(file.toFile());
        }
    }

    private void signIn() {
        signInWith(EDITOR_KEY);
    }

    /** The text of one of the explorer's trusted documents, as the pages send it. */
    private static String trusted(String name) throws Exception {
        return Files.readString(Path.of("src/main/resources/trusted-documents", "explorer-" + name + ".graphql"));
    }

    /** The first organization of the seed data: a name the graph links. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstSeedOrganization() throws Exception {
        Map<String, Object> data = new Yaml()
            .load(Files.readString(Path.of("seed-data", "organizations.yaml"), StandardCharsets.UTF_8));
        return ((List<Map<String, Object>>) data.get("entities")).stream()
            .filter((entity) -> "Organization".equals(entity.get("type")))
            .findFirst()
            .orElseThrow();
    }

}
