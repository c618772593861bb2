package org.casegraph.explorer;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The explorer's pages. Every view is one page that renders in the browser from the
 * public GraphQL API with the caller's role, so the server only hands out the same shell
 * for each of the URLs that are the explorer's contract; ids contain {@code /}, hence the
 * {@code {*id}} captures.
 */
@Controller
class ExplorerController {

    private static final String SHELL = "forward:/explorer/index.html";

    @GetMapping({ "/", "/search", "/paths", "/timeline", "/review", "/review/{ingestionId}" })
    String page() {
        return SHELL;
    }

    @GetMapping({ "/entity/{*id}", "/network/{*id}", "/document/{*id}" })
    String entityPage() {
        return SHELL;
    }

    /**
     * GraphiQL, from the jar: Spring's own page loads its code from a CDN and never
     * starts without the internet.
     */
    @GetMapping("/graphiql")
    String graphiql() {
        return "forward:/graphiql/index.html";
    }

}
