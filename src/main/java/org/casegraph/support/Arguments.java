package org.casegraph.support;

/**
 * The one range check for numeric arguments ({@code first}, {@code limit}, {@code depth},
 * …), so that every field answers an out-of-range value with the same message.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * {@code value}, or {@code fallback} when it is null, provided it lies between
     * {@code min} and {@code max}.
     */
    public static int within(String argument, Integer value, int fallback, int min, int max) {
        int actual = value == null ? fallback : value;
        if (actual < min || actual > max) {
            throw new InvalidArgumentException(argument, "must be between " + min + " and " + max + ", not " + actual);
        }
        return actual;
    }

}
