package org.casegraph.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When and from where the seed data is loaded ({@code casegraph.seed.*}).
 *
 * @param mode {@code auto}: load into an empty embedded database; {@code always}: merge
 * the seed data into whatever database is configured (idempotent); {@code never}
 * @param location where the seed files are, as a resource pattern
 * @param prebuilt whether a first start of the packaged jar in {@code auto} mode on the
 * bundled seed data copies the database the build made from them (see
 * {@link PrebuiltStore}) instead of making it again
 */
@ConfigurationProperties("casegraph.seed")
public record SeedProperties(@DefaultValue("auto") SeedMode mode, @DefaultValue(SeedProperties.BUNDLED) String location,
        @DefaultValue("true") boolean prebuilt) {

    /** The seed data that ships in the jar: the default location. */
    public static final String BUNDLED = "classpath*:seed-data/*.yaml";

    public enum SeedMode {

        AUTO, ALWAYS, NEVER

    }

}
