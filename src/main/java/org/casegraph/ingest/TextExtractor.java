package org.casegraph.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a file into plain text with Apache Tika, keeping paragraph breaks so that offsets
 * into the text stay meaningful; HTML goes through jsoup so that navigation, headers and
 * footers are dropped first.
 */
final class TextExtractor {

    static final Set<String> SUPPORTED = Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/html",
            "application/xhtml+xml", "text/plain");

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "blockquote", "pre", "section", "article", "table", "ul", "ol", "dd", "dt", "figcaption");

    private final IngestProperties properties;

    TextExtractor(IngestProperties properties) {
        this.properties = properties;
    }

    /**
     * The file's text; refuses, with a message that says why, anything it cannot read
     * safely.
     */
    String extract(byte[] content, String fileName) {
        if (content.length == 0) {
            throw new IngestException(IngestException.Kind.EMPTY, fileName + " is empty: there is no text to ingest");
        }
        if (content.length > this.properties.maxBytes().toBytes()) {
            throw new IngestException(IngestException.Kind.TOO_LARGE,
                    fileName + " is " + content.length + " bytes, over the limit of "
                            + this.properties.maxBytes().toBytes() + " (casegraph.ingest.max-bytes)");
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        String type = detect(content, metadata);
        if (!SUPPORTED.contains(type)) {
            throw new IngestException(IngestException.Kind.UNSUPPORTED,
                    fileName + " is " + type + ", which ingest does not read; send PDF, DOCX, HTML or plain text");
        }
        String text = switch (type) {
            case "text/plain" -> plain(content, metadata);
            case "text/html", "application/xhtml+xml" -> html(new String(content, charset(content, metadata)));
            default -> parsed(content, metadata, fileName);
        };
        text = normalise(text);
        if (text.isBlank()) {
            throw new IngestException(IngestException.Kind.EMPTY,
                    fileName + " has no extractable text (a scanned PDF needs OCR first)");
        }
        return text;
    }

    private static String detect(byte[] content, Metadata metadata) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            MediaType type = TikaConfig.getDefaultConfig().getDetector().detect(in, metadata);
            return type.getBaseType().toString().toLowerCase(Locale.ROOT);
        }
        catch (IOException ex) {
            throw new IngestException(IngestException.Kind.UNSUPPORTED,
                    "the file's type could not be told: " + ex.getMessage());
        }
    }

    private static String plain(byte[] content, Metadata metadata) {
        try (AutoDetectReader reader = new AutoDetectReader(new ByteArrayInputStream(content), metadata)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) != -1;) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
        catch (IOException | TikaException ex) {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static java.nio.charset.Charset charset(byte[] content, Metadata metadata) {
        try (AutoDetectReader reader = new AutoDetectReader(new ByteArrayInputStream(content), metadata)) {
            return reader.getCharset();
        }
        catch (IOException | TikaException ex) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * The page's text without navigation, headers, footers, forms and scripts; a blank
     * line after each block.
     */
    static String html(String html) {
        var document = Jsoup.parse(html);
        document
            .select("nav, header, footer, aside, script, style, noscript, form, iframe, svg, button, "
                    + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]")
            .remove();
        Element body = document.body();
        StringBuilder text = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                }
                else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }
        });
        return text.toString();
    }

    /**
     * PDF and DOCX through Tika, with its limits on: a write limit on the text and its
     * zip-bomb checks.
     */
    private String parsed(byte[] content, Metadata metadata, String fileName) {
        BodyContentHandler handler = new BodyContentHandler(this.properties.maxChars());
        ParseContext context = new ParseContext();
        try (InputStream in = new ByteArrayInputStream(content)) {
            new AutoDetectParser().parse(in, handler, metadata, context);
            return handler.toString();
        }
        catch (EncryptedDocumentException ex) {
            throw new IngestException(IngestException.Kind.ENCRYPTED,
                    fileName + " is encrypted or password-protected; send an unprotected copy");
        }
        catch (ZeroByteFileException ex) {
            throw new IngestException(IngestException.Kind.EMPTY, fileName + " is empty: there is no text to ingest");
        }
        catch (Exception ex) {
            if (WriteLimitReachedException.isWriteLimitReached(ex)) {
                throw new IngestException(IngestException.Kind.BOMB, fileName + " expands to more than "
                        + this.properties.maxChars() + " characters of text; refused as a possible parser bomb");
            }
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                messages.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append('\n');
            }
            String message = messages.toString().toLowerCase(Locale.ROOT);
            if (message.contains("bomb") || message.contains("too many") || message.contains("exceeded")) {
                throw new IngestException(IngestException.Kind.BOMB, fileName + " trips Tika's limits ("
                        + ex.getClass().getSimpleName() + "); refused as a possible parser bomb");
            }
            if (message.contains("encrypt") || message.contains("password")) {
                throw new IngestException(IngestException.Kind.ENCRYPTED,
                        fileName + " is encrypted or password-protected; send an unprotected copy");
            }
            throw new IngestException(IngestException.Kind.UNSUPPORTED,
                    fileName + " could not be read as " + metadata.get(Metadata.CONTENT_TYPE) + ": it may be damaged ("
                            + messages.toString().lines().reduce((first, last) -> last).orElse("") + ")");
        }
    }

    /** Unix line ends, no trailing blanks, at most one blank line between paragraphs. */
    static String normalise(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
        unix = unix.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+(?=\\S)", "\n").replaceAll("\\n{3,}", "\n\n");
        return unix.strip();
    }

}
