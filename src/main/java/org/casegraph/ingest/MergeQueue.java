package org.casegraph.ingest;

import java.util.List;

import org.casegraph.access.Caller;
import org.casegraph.curation.EntityMerges;
import org.casegraph.curation.EntityMerges.MergeEntitiesInput;
import org.casegraph.curation.EntityMerges.MergePayload;
import org.casegraph.embedded.EmbeddedNeo4jProperties;
import org.springframework.stereotype.Service;

/**
 * The review queue's merges: what {@code import --format ftm} proposes, staged under
 * {@code <data dir>/staging/merges/} beside the unpublished ingestions until an editor
 * accepts (the imported entity is merged into the existing one by {@code mergeEntities},
 * undoable like any merge) or rejects (both stay). Either way the proposal leaves the
 * queue.
 */
@Service
public class MergeQueue {

    private final Staging<MergeProposal> staging;

    private final EntityMerges merges;

    MergeQueue(EmbeddedNeo4jProperties casegraph, EntityMerges merges) {
        this.staging = new Staging<>(casegraph.dataDir(), "merges", MergeProposal.class, "pending merge proposal");
        this.merges = merges;
    }

    /**
     * Stages each proposal not staged already (the same pair keeps its first proposal);
     * returns how many were new.
     */
    public int stage(List<MergeProposal> proposals) {
        int staged = 0;
        for (MergeProposal proposal : proposals) {
            staged += this.staging.saveNew(proposal) ? 1 : 0;
        }
        return staged;
    }

    /** The pending proposals, oldest first. */
    public List<MergeProposal> list() {
        return this.staging.list();
    }

    /**
     * Merges the proposal's imported entity into the existing one, as {@code caller},
     * then takes the proposal out of the queue; a merge refused leaves it there.
     */
    public synchronized MergePayload accept(String id, Caller caller) {
        MergeProposal proposal = this.staging.get(id);
        MergePayload merged = this.merges.mergeEntities(
                new MergeEntitiesInput(proposal.existingId(), proposal.incomingId(), proposal.mergeReason()), caller);
        this.staging.delete(id);
        return merged;
    }

    /** Keeps both entities: the proposal leaves the queue. */
    public synchronized MergeProposal reject(String id) {
        return this.staging.remove(id);
    }

}
