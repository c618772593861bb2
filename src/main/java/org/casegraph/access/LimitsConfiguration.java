package org.casegraph.access;

import graphql.parser.ParserOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    QueryLimits queryLimits(LimitsProperties limits) {
        // Documents are parsed before any instrumentation sees them: a token cap stops
        // 2,000 aliases there.
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
            .transform((options) -> options.maxTokens(limits.maxTokens())));
        return new QueryLimits(limits);
    }

}
