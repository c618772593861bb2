package org.casegraph.importer;

/**
 * Where a bulk import or an export reports how far it is: {@code done} of {@code total}
 * items of the current phase.
 */
@FunctionalInterface
public interface Progress {

    /**
     * The phases of an import, in order ({@link #UNDOING} only after a failed write), and
     * those of an export.
     */
    enum Phase {

        VALIDATING("validating"), WRITING_ENTITIES("writing entities"), WRITING_RELATIONSHIPS("writing relationships"),
        INDEXING("awaiting indexes"), UNDOING("removing what was written"),

        EXPORTING_ENTITIES("exporting entities"), EXPORTING_RELATIONSHIPS("exporting relationships"),
        EXPORTING_EVENTS("exporting events");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return this.label;
        }

    }

    void update(Phase phase, long done, long total);

    static Progress none() {
        return (phase, done, total) -> {
        };
    }

}
