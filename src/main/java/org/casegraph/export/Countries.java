package org.casegraph.export;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names as the graph stores them ("Cambodia", "United States") to ISO 3166-1
 * alpha-2 codes in lower case, as FollowTheMoney's {@code country} type wants them; null
 * for a name that is not a country.
 */
final class Countries {

    private static final Map<String, String> CODES = codes();

    private Countries() {
    }

    static String code(String name) {
        return name == null ? null : CODES.get(key(name));
    }

    /**
     * The English name of an FtM country code, which {@link #code} maps back to it; the
     * code itself if the JDK has no name for it.
     */
    static String name(String code) {
        String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            codes.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code.toLowerCase(Locale.ROOT));
        }
        // Names the sources use that differ from the JDK's English names.
        Map.of("united states of america", "us", "usa", "us", "u.s.", "us", "uk", "gb", "britain", "gb",
                "russian federation", "ru", "viet nam", "vn", "burma", "mm", "laos", "la", "south korea", "kr")
            .forEach(codes::put);
        return codes;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

}
