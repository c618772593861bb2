package org.casegraph.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the import's JSON-lines files: line by line with numbers for messages, and one
 * JSON object a line.
 */
final class JsonLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLines() {
    }

    @FunctionalInterface
    interface LineHandler {

        void handle(int number, String text);

    }

    /**
     * Each non-blank line of the file, with its number; returns how many lines it has
     * (none if it is not there).
     */
    static int forEachLine(Path file, LineHandler handler) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    handler.handle(number, text);
                }
            }
            return number;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /**
     * The JSON object on a line; throws {@link IllegalArgumentException} saying what is
     * wrong otherwise.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        Object value;
        try {
            value = JSON.readValue(text, Object.class);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("not valid JSON: " + ex.getOriginalMessage());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a line must be one JSON object, an entity or a relationship");
        }
        return (Map<String, Object>) map;
    }

    static long countLines(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            int last = '\n';
            for (int read; (read = in.read(buffer)) > 0;) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
            return last == '\n' ? lines : lines + 1;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

}
