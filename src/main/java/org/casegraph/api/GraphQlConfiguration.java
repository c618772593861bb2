package org.casegraph.api;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.casegraph.graph.PartialDate;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The GraphQL side of the API beside the schema: its scalars, and a cache of parsed
 * documents.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    static final GraphQLScalarType PARTIAL_DATE = GraphQLScalarType.newScalar()
        .name("PartialDate")
        .description("An ISO-8601 date with variable precision: 2011, 2011-12 or 2011-12-15")
        .coercing(new PartialDateCoercing())
        .build();

    /**
     * Any JSON value, for the type-specific fields of curation inputs; the validator
     * decides what is allowed.
     */
    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
        .name("JSON")
        .description("Any JSON value")
        .coercing(new JsonCoercing())
        .build();

    @Bean
    RuntimeWiringConfigurer scalars() {
        return (wiring) -> wiring.scalar(PARTIAL_DATE).scalar(JSON);
    }

    /** Parses and validates each distinct query document once, not on every request. */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache() {
        DocumentCache cache = new DocumentCache(1000);
        return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(cache));
    }

    private static final class JsonCoercing implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }

        private static Object literal(Value<?> input, CoercedVariables variables) {
            if (input instanceof graphql.language.ObjectValue object) {
                java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
                object.getObjectFields()
                    .forEach((field) -> map.put(field.getName(), literal(field.getValue(), variables)));
                return map;
            }
            if (input instanceof graphql.language.ArrayValue array) {
                return array.getValues().stream().map((value) -> literal(value, variables)).toList();
            }
            if (input instanceof StringValue text) {
                return text.getValue();
            }
            if (input instanceof graphql.language.IntValue number) {
                return number.getValue().longValue();
            }
            if (input instanceof graphql.language.FloatValue number) {
                return number.getValue().doubleValue();
            }
            if (input instanceof graphql.language.BooleanValue bool) {
                return bool.isValue();
            }
            if (input instanceof graphql.language.VariableReference reference) {
                return variables.get(reference.getName());
            }
            return null;
        }

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
