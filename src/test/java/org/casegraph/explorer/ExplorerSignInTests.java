package org.casegraph.explorer;

import org.casegraph.curation.RolesTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the explorer with an API key, in a real headless Chromium against a
 * service that knows the test keys: the key goes with every request the pages make, a key
 * the service does not know is said so on the page, and signing out returns to the public
 * view.
 */
@RolesTest
class ExplorerSignInTests extends BrowserJourney {

    @Test
    void signInWithAnApiKeyThenSignOut() {
        browser.driver().get("http://127.0.0.1:" + this.port + "/entity/person/alexander-trofimov");
        ready();
        assertThat(find("#signin").getText()).contains("Public view");
        assertThat(find("h1").getText()).isEqualTo("Alexander Trofimov");

        // A key the service does not know: the page says so instead of quietly showing
        // the public view (and the
        // console holds only that refusal: the HTTP 400 and the error the page shows).
        signInWith("not-a-key-of-this-service");
        assertThat(find("#main [role=alert]").getText())
            .contains("The API key in X-API-Key is not known to this server");

        clickButton("#signin button", "Sign out");
        browser.waiting(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin"), "Public view"));
        ready();
        assertThat(find("h1").getText()).isEqualTo("Alexander Trofimov");

        // An investigator's key: accepted on every request of the page, which shows the
        // person.
        signInWith("test-investigator-key");
        assertThat(browser.driver().findElements(By.cssSelector("#main [role=alert]"))).isEmpty();
        assertThat(find("h1").getText()).isEqualTo("Alexander Trofimov");
        browser.screenshot("8-signed-in");
        assertThat(browser.problems()).as("console errors")
            .allMatch((problem) -> problem.contains("not known to this server") || problem.contains("status of 400"));
    }

}
