package org.casegraph.support;

/**
 * A client sent an argument the API cannot accept; the message names the argument and
 * what would be accepted.
 */
public class InvalidArgumentException extends RuntimeException {

    private final String argument;

    public InvalidArgumentException(String argument, String problem) {
        super("Invalid argument '" + argument + "': " + problem);
        this.argument = argument;
    }

    public String argument() {
        return this.argument;
    }

}
