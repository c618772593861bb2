package org.casegraph.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A merge an import proposes: an imported entity has the name or an alias of an existing
 * entity of its type. The import does not merge; it stages the proposal in the review
 * queue ({@link MergeQueue}), where an editor merges the two or keeps both.
 *
 * @param id the SHA-256 of the two entity ids: a pair is proposed once, however often the
 * file is imported
 * @param type the entity type both have
 * @param ftmId the FtM id of the imported line
 * @param datasets the FtM datasets the imported entity came from (or its file's name)
 */
public record MergeProposal(String id, String type, String incomingId, String incomingName, String existingId,
        String existingName, String matchedName, String ftmId, List<String> datasets,
        String createdAt) implements Staging.Staged {

    public MergeProposal {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    /**
     * A proposal to merge {@code incomingId} (dropped) into {@code existingId} (kept).
     */
    public static MergeProposal of(String type, String incomingId, String incomingName, String existingId,
            String existingName, String matchedName, String ftmId, List<String> datasets) {
        String id = IngestService.sha256((incomingId + "\n" + existingId).getBytes(StandardCharsets.UTF_8));
        return new MergeProposal(id, type, incomingId, incomingName, existingId, existingName, matchedName, ftmId,
                datasets, Instant.now().toString());
    }

    /** The reason the merge records when an editor accepts it. */
    public String mergeReason() {
        return "FtM import: same name '" + this.matchedName + "'";
    }

}
