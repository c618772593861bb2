package org.casegraph.access;

import java.util.ArrayList;
import java.util.List;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.casegraph.CaseGraphTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An internal failure reaches the client as an id and nothing else; the same id in the
 * log leads to the cause.
 */
@CaseGraphTest
@ExtendWith(OutputCaptureExtension.class)
class MaskedErrorsTests {

    @Autowired
    GraphQlTester graphQl;

    /** Makes commonConnections fail the way a bug or a driver error would. */
    @TestConfiguration
    static class FailingField {

        @Bean
        Instrumentation failingCommonConnections() {
            return new SimplePerformantInstrumentation() {
                @Override
                public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
                        InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
                    if (!"commonConnections".equals(parameters.getEnvironment().getField().getName())) {
                        return fetcher;
                    }
                    return (environment) -> {
                        throw new IllegalStateException(
                                "org.neo4j.driver.exceptions.ClientException: MATCH (n:Secret) RETURN n failed");
                    };
                }
            };
        }

    }

    @Test
    void internalErrorsShowOnlyAnIdThatTheLogAlsoHas(CapturedOutput output) {
        List<ResponseError> errors = new ArrayList<>();
        this.graphQl.document("{ commonConnections(ids: [\"a/b\", \"c/d\"]) { node { id } } }")
            .execute()
            .errors()
            .satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies((error) -> {
            assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
            assertThat(error.getMessage()).matches("INTERNAL_ERROR for [0-9a-f-]{36}")
                .doesNotContain("neo4j", "MATCH", "Secret", "IllegalState");
            String id = error.getMessage().substring("INTERNAL_ERROR for ".length());
            assertThat(output.getAll()).contains(id).contains("MATCH (n:Secret) RETURN n failed");
        });
    }

}
