package org.casegraph.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.casegraph.support.CaseGraphStartupException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.ExecutionGraphQlRequest;

/**
 * The allow-list of a production deployment: only documents whose text (white space
 * aside) is one of the trusted files may run; anything else is refused before it is
 * parsed.
 */
final class TrustedDocuments {

    private final Set<String> hashes;

    private TrustedDocuments(Set<String> hashes) {
        this.hashes = Set.copyOf(hashes);
    }

    static TrustedDocuments load(String location) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
            if (resources.length == 0) {
                throw new CaseGraphStartupException("casegraph.trusted-documents.location " + location
                        + " names no documents; with trusted documents on, at least one is needed");
            }
            Set<String> hashes = new HashSet<>();
            for (Resource resource : resources) {
                hashes.add(hash(resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return new TrustedDocuments(hashes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    boolean allows(ExecutionGraphQlRequest request) {
        return request.getDocument() != null && this.hashes.contains(hash(request.getDocument()));
    }

    int size() {
        return this.hashes.size();
    }

    /**
     * SHA-256 of the document with white space runs collapsed, so that formatting does
     * not matter.
     */
    static String hash(String document) {
        try {
            String normalized = document.strip().replaceAll("\\s+", " ");
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
