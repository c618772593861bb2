package org.casegraph.explorer;

import java.util.List;

import org.casegraph.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every journey through the explorer in a real headless Chromium shares: one browser
 * for the test class, and the steps a person takes (open a page and wait until it is
 * ready, find what is shown, click, sign in with an API key).
 */
abstract class BrowserJourney {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void open(String path) {
        browser.driver().get("http://127.0.0.1:" + this.port + path);
        ready();
    }

    /** Waits until the page says it has loaded what it shows. */
    void ready() {
        browser.waiting(60).until(ExpectedConditions.attributeToBe(By.id("main"), "data-ready", "true"));
    }

    WebElement find(String css) {
        return browser.waiting(60).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement find(WebElement in, String css) {
        return in.findElement(By.cssSelector(css));
    }

    List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    void waitForText(String css, String text, int seconds) {
        browser.waiting(seconds).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Scrolls the element into view first, as a person would before clicking it. */
    void click(WebElement in, String css) {
        WebElement button = find(in, css);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    /** Clicks the button, among those {@code css} finds, that reads {@code text}. */
    void clickButton(String css, String text) {
        browser.driver()
            .findElements(By.cssSelector(css))
            .stream()
            .filter((button) -> button.getText().equals(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button \"" + text + "\" among " + css))
            .click();
    }

    /** Signs in with an API key through the page's sign-in dialog. */
    void signInWith(String key) {
        clickButton("#signin button", "Sign in");
        find("#signin-secret").sendKeys(key);
        browser.driver().findElement(By.cssSelector("#signin dialog button.primary")).click();
        browser.waiting(60)
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin"), "Signed in with an API key"));
        ready();
    }

}
