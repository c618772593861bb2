package org.casegraph.support;

import java.net.BindException;
import java.nio.file.AccessDeniedException;

import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.springframework.boot.web.server.PortInUseException;

/**
 * Turns whatever stopped start-up into one sentence that names the problem and what to do
 * about it.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CaseGraphStartupException known) {
                return known.getMessage();
            }
            if (cause instanceof PortInUseException portInUse) {
                return "port " + portInUse.getPort()
                        + " is already in use; stop the other process or choose another with --server.port=N";
            }
            if (cause instanceof AuthenticationException) {
                return "the Neo4j server refused the credentials (spring.neo4j.authentication.username/password)";
            }
            if (cause instanceof ServiceUnavailableException) {
                return "cannot reach Neo4j at the configured spring.neo4j.uri: " + cause.getMessage();
            }
            if (cause instanceof AccessDeniedException denied) {
                return "no permission to write " + denied.getFile()
                        + "; choose a writable folder with --casegraph.data-dir=DIR";
            }
            if (cause instanceof BindException bind) {
                return "a port is already in use (" + bind.getMessage() + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

}
