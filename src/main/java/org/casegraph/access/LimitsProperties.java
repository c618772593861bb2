package org.casegraph.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one GraphQL request may ask for, checked before it runs.
 *
 * @param maxDepth how deeply fields may nest
 * @param maxFields how many fields a request may select, aliases included
 * @param maxCost the cost budget: each field times the page sizes of the lists around it
 * @param maxTokens how many tokens a request document may have; larger ones are refused
 * while parsing
 * @param costPerMinute how much query cost one caller (API key, or address without one)
 * may spend a minute; 0 turns rate limiting off
 * @param maxAliases how many aliased fields a request document may hold (the explorer
 * sends at most a few)
 * @param maxDirectivesPerField how many directives one field, fragment or operation may
 * carry
 * @param maxErrors how many errors one response lists; the rest are counted in one last
 * error
 */
@ConfigurationProperties("casegraph.limits")
public record LimitsProperties(@DefaultValue("15") int maxDepth, @DefaultValue("500") int maxFields,
        @DefaultValue("250000") long maxCost, @DefaultValue("5000") int maxTokens,
        @DefaultValue("2000000") long costPerMinute, @DefaultValue("50") int maxAliases,
        @DefaultValue("5") int maxDirectivesPerField, @DefaultValue("20") int maxErrors) {
}
