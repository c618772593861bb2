package org.casegraph.graph;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    static final GraphQLScalarType PARTIAL_DATE = GraphQLScalarType.newScalar()
        .name("PartialDate")
        .description("An ISO-8601 date with variable precision: 2011, 2011-12 or 2011-12-15")
        .coercing(new PartialDateCoercing())
        .build();

    @Bean
    RuntimeWiringConfigurer scalars() {
        return (wiring) -> wiring.scalar(PARTIAL_DATE);
    }

    /** Parses and validates each distinct query document once, not on every request. */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache() {
        DocumentCache cache = new DocumentCache(1000);
        return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(cache));
    }

    private static final class PartialDateCoercing implements Coercing<String, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof String text && PartialDate.isValid(text)) {
                return text;
            }
            if (value instanceof PartialDate date) {
                return date.value();
            }
            throw new CoercingSerializeException("not a PartialDate");
        }

        @Override
        public String parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text && PartialDate.isValid(text)) {
                return text;
            }
            throw new CoercingParseValueException(
                    "'" + input + "' is not a PartialDate; use 2011, 2011-12 or 2011-12-15");
        }

        @Override
        public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text && PartialDate.isValid(text.getValue())) {
                return text.getValue();
            }
            throw new CoercingParseLiteralException(
                    "not a PartialDate; use a string such as \"2011\", \"2011-12\" or \"2011-12-15\"");
        }

    }

}
