package org.casegraph.support;

/**
 * A start-up problem whose message already says what is wrong and what to do.
 */
public class CaseGraphStartupException extends RuntimeException {

    public CaseGraphStartupException(String message) {
        super(message);
    }

    public CaseGraphStartupException(String message, Throwable cause) {
        super(message, cause);
    }

}
