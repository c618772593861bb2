package org.casegraph.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's only door to Neo4j. Reads are routed to readers and writes to the
 * leader, so a cluster's followers serve reads; every statement counts towards
 * {@link #statementsRun()}, which tests use to prove that a request costs a bounded
 * number of round trips.
 */
public final class Graph implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Graph.class);

    /**
     * How often a one-statement read is tried when the database says a retry may succeed.
     */
    private static final int READ_ATTEMPTS = 3;

    /**
     * How long a read waits before its second attempt; twice as long before its third.
     */
    private static final Duration READ_RETRY_PAUSE = Duration.ofMillis(200);

    private static final TransactionConfig UNBOUNDED = TransactionConfig.builder().withTimeout(Duration.ZERO).build();

    /**
     * The driver, made on the first statement: the application context (controllers, the
     * GraphQL schema) builds while the embedded database starts instead of waiting for
     * it.
     */
    private final ObjectProvider<Driver> driver;

    private volatile Driver made;

    private final SessionConfig readSession;

    private final SessionConfig writeSession;

    private final TransactionConfig transactionConfig;

    private final AtomicLong statements = new AtomicLong();

    private final BookmarkManager bookmarks;

    Graph(ObjectProvider<Driver> driver, String database, Duration transactionTimeout) {
        this.driver = driver;
        // Every session starts after the last transaction this application saw committed,
        // so on a cluster a read
        // that follows a write (in the next request, perhaps on another member) sees it:
        // read-your-writes.
        this.bookmarks = BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());
        SessionConfig.Builder read = SessionConfig.builder()
            .withDefaultAccessMode(AccessMode.READ)
            .withBookmarkManager(this.bookmarks);
        SessionConfig.Builder write = SessionConfig.builder()
            .withDefaultAccessMode(AccessMode.WRITE)
            .withBookmarkManager(this.bookmarks);
        if (database != null && !database.isBlank()) {
            read.withDatabase(database);
            write.withDatabase(database);
        }
        this.readSession = read.build();
        this.writeSession = write.build();
        this.transactionConfig = TransactionConfig.builder().withTimeout(transactionTimeout).build();
    }

    /**
     * Statement parameters from names and values in turn, as
     * {@code parameters("id", id, "asOf", asOf)}: unlike {@link Map#of}, a value may be
     * null (Cypher reads it as null), and more may be added afterwards.
     */
    public static Map<String, Object> parameters(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in pairs of a name and a value");
        }
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /**
     * Whether the database holds no entity: a first start asks it twice (the migrations,
     * then the seed loading) in one statement, which a cold database plans once.
     */
    public boolean holdsNoEntity() {
        return single("RETURN NOT EXISTS { MATCH (:Entity) } AS empty", Map.of(), (r) -> r.get("empty").asBoolean());
    }

    /**
     * Runs one read statement and maps each record. Mapping happens on the caller's
     * thread, after the transaction, where the request's context is (the driver may
     * otherwise map on its own IO thread).
     */
    public <T> List<T> query(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return readStatement(cypher, parameters, Result::list).stream().map(mapper).toList();
    }

    /** Runs one read statement that returns exactly one record. */
    public <T> T single(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return mapper.apply(readStatement(cypher, parameters, Result::single));
    }

    /**
     * Runs one read statement for a whole batch of keys, so that a request costs one
     * round trip however many entities it asks about. The statement reads each key as
     * {@code key} (the map {@code asParameter} makes of it) and its index as {@code i},
     * and returns {@code i} in each record; what {@code mapper} makes of a record is
     * added to its key's answer. Every key is answered, with an empty list when no record
     * names it.
     */
    public <K, V> Map<K, List<V>> queryPerKey(Collection<K> keys, Function<K, Map<String, Object>> asParameter,
            String cypher, Map<String, Object> parameters, Function<Record, List<V>> mapper) {
        List<K> ordered = List.copyOf(keys);
        Map<String, Object> withKeys = new HashMap<>(parameters);
        withKeys.put("keys", ordered.stream().map(asParameter).toList());
        Map<K, List<V>> answers = new LinkedHashMap<>();
        ordered.forEach((key) -> answers.put(key, new ArrayList<>()));
        String perKey = """
                UNWIND range(0, size($keys) - 1) AS i
                WITH i, $keys[i] AS key
                """ + cypher;
        query(perKey, withKeys,
                (record) -> answers.get(ordered.get(record.get("i").asInt())).addAll(mapper.apply(record)));
        return answers;
    }

    /**
     * The bookmarks the next transaction waits for: those of the last one this
     * application committed.
     */
    public Set<Bookmark> bookmarks() {
        return this.bookmarks.getBookmarks();
    }

    /**
     * Runs one read statement as a transaction of its own (auto-commit) and reads its
     * records: one round trip to the database where a transaction function takes two (its
     * statement, then its commit), which is most of what a small read costs. A single
     * statement needs no transaction around it to see one state of the graph. As a
     * transaction function would, it tries again when the database says a retry may
     * succeed (a cluster member that went away, say), for at most {@link #READ_ATTEMPTS}
     * attempts, pausing between them.
     */
    private <T> T readStatement(String cypher, Map<String, Object> parameters, Function<Result, T> records) {
        for (int attempt = 1;; attempt++) {
            try (var session = driver().session(this.readSession)) {
                this.statements.incrementAndGet();
                return records.apply(session.run(cypher, parameters, this.transactionConfig));
            }
            catch (RuntimeException ex) {
                if (!(ex instanceof RetryableException) || attempt == READ_ATTEMPTS) {
                    throw ex;
                }
                log.debug("Retrying a read the database says may succeed again: {}", ex.getMessage());
                pauseBeforeAttempt(attempt + 1, ex);
            }
        }
    }

    /**
     * Waits before attempt {@code attempt} of a read, longer each time (200 ms, then 400
     * ms), as the driver's transaction functions do: a cluster that lost a member needs a
     * moment to route around it, and an immediate retry would fail the same way.
     */
    private static void pauseBeforeAttempt(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(READ_RETRY_PAUSE.toMillis() << (attempt - 2));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** Runs a read transaction function. */
    public <T> T read(TransactionCallback<T> work) {
        try (var session = driver().session(this.readSession)) {
            return session.executeRead(work, this.transactionConfig);
        }
    }

    /** Runs a write transaction function: all of it is written, or none of it. */
    public <T> T write(TransactionCallback<T> work) {
        try (var session = driver().session(this.writeSession)) {
            return session.executeWrite(work, this.transactionConfig);
        }
    }

    /**
     * Runs a write transaction with no timeout, for schema changes and bulk loads:
     * without a timeout of its own it would get the database's default (the embedded
     * one's is casegraph.transaction-timeout), and a seed load on a busy machine would
     * fail the start.
     */
    public <T> T writeUnbounded(TransactionCallback<T> work) {
        try (var session = driver().session(this.writeSession)) {
            return session.executeWrite(work, UNBOUNDED);
        }
    }

    /**
     * Runs a write transaction function with its own timeout, for one batch of a bulk
     * import.
     */
    public <T> T write(TransactionCallback<T> work, Duration timeout) {
        try (var session = driver().session(this.writeSession)) {
            return session.executeWrite(work, TransactionConfig.builder().withTimeout(timeout).build());
        }
    }

    /**
     * Runs one statement in an auto-commit transaction, as {@code CALL { } IN
     * TRANSACTIONS} requires, and returns its summary counters.
     */
    public SummaryCounters autoCommit(String cypher, Map<String, Object> parameters, Duration timeout) {
        try (var session = driver().session(this.writeSession)) {
            return session.run(cypher, parameters, TransactionConfig.builder().withTimeout(timeout).build())
                .consume()
                .counters();
        }
    }

    /** Runs one schema statement in a transaction of its own, as Neo4j requires. */
    public void schema(String cypher) {
        try (var session = driver().session(this.writeSession)) {
            session.run(cypher).consume();
        }
    }

    private Driver driver() {
        Driver made = this.made;
        if (made == null) {
            made = this.driver.getObject();
            this.made = made;
        }
        return made;
    }

    public long statementsRun() {
        return this.statements.get();
    }

    /**
     * Closes the driver, waiting at most two seconds: a connection that does not say
     * goodbye in time must not hold up a shutdown (the embedded database closes its end
     * right after).
     */
    @Override
    public void destroy() {
        Driver made = this.made;
        if (made == null) {
            return;
        }
        try {
            made.closeAsync().toCompletableFuture().get(2, TimeUnit.SECONDS);
        }
        catch (TimeoutException ex) {
            log.warn("The Neo4j driver did not close within 2 s; shutting down without waiting for it");
        }
        catch (ExecutionException ex) {
            log.warn("The Neo4j driver failed to close: {}", ex.getCause().getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
