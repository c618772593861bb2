package org.casegraph.explorer;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The explorer sends only GraphQL documents that are trusted documents (so it works where
 * only those may run): it fetches their text from here rather than keeping copies that
 * could drift.
 */
@Configuration(proxyBeanMethods = false)
class ExplorerResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/explorer/queries/**").addResourceLocations("classpath:/trusted-documents/");
    }

}
