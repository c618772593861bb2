package org.casegraph.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds words that identify a victim, by comparing each word's hash with
 * {@code victim-identifiers.sha256}.
 */
public final class VictimIdentifiers {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final Set<String> HASHES = load();

    private VictimIdentifiers() {
    }

    /**
     * Where in {@code text} a victim-identifying word stands, as "offset N"; empty when
     * there is none.
     */
    public static List<String> findIn(String text) {
        Matcher word = WORD.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (word.find()) {
            if (HASHES.contains(sha256(word.group().toLowerCase(Locale.ROOT)))) {
                found.add("offset " + word.start());
            }
        }
        return found;
    }

    public static int count() {
        return HASHES.size();
    }

    private static Set<String> load() {
        try (InputStream in = VictimIdentifiers.class.getResourceAsStream("/victim-identifiers.sha256")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter((line) -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
