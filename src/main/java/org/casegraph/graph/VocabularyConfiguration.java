package org.casegraph.graph;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VocabularyConfiguration {

    @Bean
    Vocabulary vocabulary() {
        return Vocabulary.load();
    }

}
