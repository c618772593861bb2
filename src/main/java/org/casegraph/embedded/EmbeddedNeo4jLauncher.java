package org.casegraph.embedded;

import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.casegraph.seed.PrebuiltStore;
import org.casegraph.seed.SeedProperties;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded database as soon as the configuration is known, on a thread of its
 * own, so that its few seconds of start-up overlap with Spring building the rest of the
 * application instead of following it. The {@code EmbeddedNeo4j} bean then waits for it.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class EmbeddedNeo4jLauncher implements GenericApplicationListener {

    private CompletableFuture<EmbeddedNeo4j> starting;

    /** The database being started, for the bean that will own it. */
    public record Launch(CompletableFuture<EmbeddedNeo4j> starting) {

        /** Waits for the database; rethrows what stopped it from starting. */
        public EmbeddedNeo4j await() {
            try {
                return this.starting.join();
            }
            catch (CompletionException ex) {
                if (ex.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw ex;
            }
        }

    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationContextInitializedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type)
                || ContextClosedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        }
        else if (event instanceof ApplicationContextInitializedEvent initialized && this.starting != null) {
            initialized.getApplicationContext()
                .getBeanFactory()
                .registerSingleton("embeddedNeo4jLaunch", new Launch(this.starting));
        }
        else if ((event instanceof ApplicationFailedEvent || event instanceof ContextClosedEvent)
                && this.starting != null) {
            // Whoever took it closes it too; this only catches a database nobody took.
            this.starting.thenAccept(EmbeddedNeo4j::close);
        }
    }

    private void start(ConfigurableEnvironment environment) {
        String uri = environment.getProperty("spring.neo4j.uri");
        if (uri != null && !uri.isBlank()) {
            return;
        }
        Binder binder = Binder.get(environment);
        EmbeddedNeo4jProperties properties = binder.bindOrCreate("casegraph", EmbeddedNeo4jProperties.class);
        URL store = PrebuiltStore.forSettings(binder.bindOrCreate("casegraph.seed", SeedProperties.class));
        this.starting = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                this.starting.complete(EmbeddedNeo4j.start(properties, store));
            }
            catch (Throwable ex) {
                this.starting.completeExceptionally(ex);
            }
        }, "embedded-neo4j-start");
        thread.setDaemon(true);
        thread.start();
    }

}
