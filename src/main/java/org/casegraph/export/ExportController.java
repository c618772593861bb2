package org.casegraph.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casegraph.access.Caller;
import org.casegraph.access.CallerResolver;
import org.casegraph.importer.Progress;
import org.casegraph.support.InvalidArgumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /export/ftm|timelinejs|graphml|csv}: the graph, or the subgraph of one
 * entity, under the caller's role (API key, JWT or local mode, exactly as for GraphQL),
 * written to the response page by page as it is read. Bad parameters are refused with 400
 * and a message naming the parameter, before anything is written.
 */
@RestController
class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private static final Set<String> PARAMETERS = Set.of("entityId", "depth", "relationshipTypes", "from", "to");

    private final GraphExport export;

    private final CallerResolver callers;

    ExportController(GraphExport export, CallerResolver callers) {
        this.export = export;
        this.callers = callers;
    }

    @GetMapping("/export/{format}")
    void export(@PathVariable String format, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String depth,
            @RequestParam(required = false) List<String> relationshipTypes, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (String name : Collections.list(request.getParameterNames())) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidArgumentException(name,
                        "unknown parameter; an export takes " + PARAMETERS.stream().sorted().toList());
            }
        }
        ExportFormat exportFormat = ExportFormat.parse("format", format);
        String apiKey = request.getHeader(CallerResolver.HEADER);
        Caller caller = this.callers.resolve(request);
        GraphExport.Plan plan = this.export.plan(ExportRequest.of(exportFormat, entityId, depth, relationshipTypes,
                from, to, caller.role(), caller.actor()));
        response.setContentType(exportFormat.mediaType() + (exportFormat == ExportFormat.CSV ? "" : ";charset=UTF-8"));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + exportFormat.fileName() + "\"");
        response.setHeader(HttpHeaders.VARY, CallerResolver.HEADER + ", " + HttpHeaders.AUTHORIZATION);
        if (apiKey != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 32 * 1024);
        try {
            this.export.write(plan, out, Progress.none());
            out.flush();
        }
        catch (IOException | RuntimeException ex) {
            // The response has begun: the client sees a cut-off file (and a broken
            // connection), never a stack trace.
            String id = UUID.randomUUID().toString();
            log.error("Export {} failed after it began ({})", id, exportFormat.formatName(), ex);
            throw new ExportAborted(id, ex);
        }
    }

    /** An export that failed once its response had begun. */
    static final class ExportAborted extends RuntimeException {

        ExportAborted(String id, Throwable cause) {
            super("INTERNAL_ERROR for " + id, cause);
        }

    }

    @ExceptionHandler(InvalidArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidArgumentException ex) {
        return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage(), "parameter", ex.argument()));
    }

    @ExceptionHandler(CallerResolver.UnknownApiKeyException.class)
    ResponseEntity<Map<String, String>> unknownKey(CallerResolver.UnknownApiKeyException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", ex.getMessage()));
    }

}
