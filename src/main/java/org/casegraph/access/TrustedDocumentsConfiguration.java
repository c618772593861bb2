package org.casegraph.access;

import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.ExecutionResultImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Trusted-documents mode ({@code casegraph.trusted-documents.enabled=true}): production
 * clients may only run the documents in {@code casegraph.trusted-documents.location}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "casegraph.trusted-documents", name = "enabled", havingValue = "true")
class TrustedDocumentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrustedDocumentsConfiguration.class);

    @Bean
    WebGraphQlInterceptor trustedDocumentsOnly(
            @Value("${casegraph.trusted-documents.location:classpath*:trusted-documents/*.graphql}") String location) {
        TrustedDocuments trusted = TrustedDocuments.load(location);
        log.info("Trusted-documents mode: {} documents from {} may run, nothing else", trusted.size(), location);
        return (request, chain) -> {
            if (trusted.allows(request)) {
                return chain.next(request);
            }
            var error = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.FORBIDDEN)
                .message("This server runs only trusted documents, and this one is not on its allow-list")
                .extensions(Map.of("code", "UNTRUSTED_DOCUMENT"))
                .build();
            var result = ExecutionResultImpl.newExecutionResult().errors(List.of(error)).build();
            return Mono.just(new org.springframework.graphql.server.WebGraphQlResponse(
                    new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        };
    }

}
