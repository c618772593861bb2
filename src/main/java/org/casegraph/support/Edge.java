package org.casegraph.support;

/**
 * An edge of a Relay connection: whatever it carries, it has the cursor that names its
 * position.
 */
public interface Edge {

    String cursor();

}
