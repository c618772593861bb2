package org.casegraph.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The application's only door to Neo4j. Reads are routed to readers and writes to the
 * leader, so a cluster's followers serve reads; every statement counts towards
 * {@link #statementsRun()}, which tests use to prove that a request costs a bounded
 * number of round trips.
 */
public final class Graph implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Graph.class);

    private static final TransactionConfig UNBOUNDED = TransactionConfig.builder().withTimeout(Duration.ZERO).build();

    private final Driver driver;

    private final SessionConfig readSession;

    private final SessionConfig writeSession;

    private final TransactionConfig transactionConfig;

    private final AtomicLong statements = new AtomicLong();

    Graph(Driver driver, String database, Duration transactionTimeout) {
        this.driver = driver;
        SessionConfig.Builder read = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        SessionConfig.Builder write = SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE);
        if (database != null && !database.isBlank()) {
            read.withDatabase(database);
            write.withDatabase(database);
        }
        this.readSession = read.build();
        this.writeSession = write.build();
        this.transactionConfig = TransactionConfig.builder().withTimeout(transactionTimeout).build();
    }

    /**
     * Runs one read statement and maps each record. Mapping happens on the caller's
     * thread, after the transaction, where the request's context is (the driver may
     * otherwise map on its own IO thread).
     */
    public <T> List<T> query(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        List<Record> records = read((tx) -> {
            this.statements.incrementAndGet();
            return tx.run(cypher, parameters).list();
        });
        return records.stream().map(mapper).toList();
    }

    /** Runs one read statement that returns exactly one record. */
    public <T> T single(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        Record record = read((tx) -> {
            this.statements.incrementAndGet();
            return tx.run(cypher, parameters).single();
        });
        return mapper.apply(record);
    }

    /** Runs a read transaction function. */
    public <T> T read(TransactionCallback<T> work) {
        try (var session = this.driver.session(this.readSession)) {
            return session.executeRead(work, this.transactionConfig);
        }
    }

    /** Runs a write transaction function: all of it is written, or none of it. */
    public <T> T write(TransactionCallback<T> work) {
        try (var session = this.driver.session(this.writeSession)) {
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
        try (var session = this.driver.session(this.writeSession)) {
            return session.executeWrite(work, UNBOUNDED);
        }
    }

    /**
     * Runs a write transaction function with its own timeout, for one batch of a bulk
     * import.
     */
    public <T> T write(TransactionCallback<T> work, Duration timeout) {
        try (var session = this.driver.session(this.writeSession)) {
            return session.executeWrite(work, TransactionConfig.builder().withTimeout(timeout).build());
        }
    }

    /**
     * Runs one statement in an auto-commit transaction, as {@code CALL { } IN
     * TRANSACTIONS} requires, and returns its summary counters.
     */
    public SummaryCounters autoCommit(String cypher, Map<String, Object> parameters, Duration timeout) {
        try (var session = this.driver.session(this.writeSession)) {
            return session.run(cypher, parameters, TransactionConfig.builder().withTimeout(timeout).build())
                .consume()
                .counters();
        }
    }

    /** Runs one schema statement in a transaction of its own, as Neo4j requires. */
    public void schema(String cypher) {
        try (var session = this.driver.session(this.writeSession)) {
            session.run(cypher).consume();
        }
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
        try {
            this.driver.closeAsync().toCompletableFuture().get(2, TimeUnit.SECONDS);
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
