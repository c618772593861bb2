package org.casegraph.ingest;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.casegraph.access.Caller;
import org.casegraph.access.CallerResolver;
import org.casegraph.access.Permission;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * {@code POST /ingest}: an editor uploads a file (multipart field {@code file}, with
 * optional {@code title}, {@code url} and {@code published}) and gets back the staged
 * ingestion in the shape {@code ingest --json} prints. Uploads from another site's page
 * are refused by their {@code Origin} header.
 */
@RestController
class IngestUpload {

    private final IngestService ingest;

    private final CallerResolver callers;

    private final IngestProperties properties;

    IngestUpload(IngestService ingest, CallerResolver callers, IngestProperties properties) {
        this.ingest = ingest;
        this.callers = callers;
        this.properties = properties;
    }

    @PostMapping("/ingest")
    Map<String, Object> upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String title,
            @RequestParam(required = false) String url, @RequestParam(required = false) String published,
            HttpServletRequest request) throws IOException {
        requireSameOrigin(request);
        Caller caller = this.callers.resolve(request);
        caller.require(Permission.REVIEW_INGESTIONS);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename();
        return IngestJson.of(this.ingest.ingest(file.getBytes(), name, title, url, published));
    }

    /**
     * A browser says which page sent the request; only the explorer's own pages may
     * upload. Clients that are not browsers send no {@code Origin} and pass.
     */
    private static void requireSameOrigin(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return;
        }
        URI from = URI.create(origin);
        String host = request.getHeader(HttpHeaders.HOST);
        if (!(request.getScheme() + "://" + host).equalsIgnoreCase(from.getScheme() + "://" + from.getAuthority())) {
            throw new CrossSiteUpload(origin);
        }
    }

    static final class CrossSiteUpload extends RuntimeException {

        CrossSiteUpload(String origin) {
            super("uploads are accepted only from CaseGraph's own pages, not from " + origin);
        }

    }

    @ExceptionHandler(IngestException.class)
    ResponseEntity<Map<String, String>> refused(IngestException ex) {
        HttpStatus status = switch (ex.kind()) {
            case UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case ENCRYPTED, EMPTY, BOMB -> HttpStatus.UNPROCESSABLE_CONTENT;
            case HEAP -> HttpStatus.SERVICE_UNAVAILABLE;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return error(status, ex.getMessage(), ex.kind().name());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException ex) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "the file is larger than " + this.properties.maxBytes()
                + ", the most casegraph.ingest.max-bytes accepts; split it or raise that setting", "TOO_LARGE");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> noFile(MissingServletRequestPartException ex) {
        return error(HttpStatus.BAD_REQUEST,
                "send the document as multipart/form-data in the field 'file' (curl -F file=@article.pdf)", "INVALID");
    }

    @ExceptionHandler(Caller.Forbidden.class)
    ResponseEntity<Map<String, String>> forbidden(Caller.Forbidden ex) {
        return error(HttpStatus.FORBIDDEN, ex.getMessage(), "FORBIDDEN");
    }

    @ExceptionHandler(CrossSiteUpload.class)
    ResponseEntity<Map<String, String>> crossSite(CrossSiteUpload ex) {
        return error(HttpStatus.FORBIDDEN, ex.getMessage(), "FORBIDDEN");
    }

    @ExceptionHandler(CallerResolver.UnknownApiKeyException.class)
    ResponseEntity<Map<String, String>> unknownKey(CallerResolver.UnknownApiKeyException ex) {
        return error(HttpStatus.UNAUTHORIZED, ex.getMessage(), "UNAUTHENTICATED");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message, String code) {
        return ResponseEntity.status(status).body(Map.of("error", message, "code", code));
    }

}
