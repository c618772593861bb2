package org.casegraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.casegraph.seed.PrebuiltStore;
import org.casegraph.support.CaseGraphStartupException;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j running inside this JVM, reachable only over Bolt on the loopback interface, so
 * that the rest of the application talks to it through the driver exactly as it would to
 * an external server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService service;

    private final int boltPort;

    private final AtomicBoolean open = new AtomicBoolean(true);

    private EmbeddedNeo4j(DatabaseManagementService service, int boltPort) {
        this.service = service;
        this.boltPort = boltPort;
    }

    public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
        return start(properties, null);
    }

    /**
     * Starts the database; on a data folder that holds none yet, from {@code store} (a
     * zipped {@code data} folder, see {@link PrebuiltStore}) when there is one.
     */
    public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties, URL store) {
        Path home = properties.dataDir().toAbsolutePath().normalize();
        requireWritable(home);
        EmbeddedNeo4jProperties.Embedded embedded = properties.embedded();
        requireFreePort(embedded.boltPort());
        long started = System.nanoTime();
        if (store != null && !Files.exists(home.resolve("data"))) {
            try {
                PrebuiltStore.copyInto(store, home);
            }
            catch (UncheckedIOException ex) {
                throw new CaseGraphStartupException(ex.getMessage() + " (" + rootMessage(ex)
                        + "); --casegraph.seed.prebuilt=false makes the database anew instead", ex);
            }
            log.info("New data folder: copied the database this jar was built with (schema and seed data) in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
        }
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", embedded.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(embedded.pageCache()))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                        ByteUnit.parse(embedded.transactionMemory()))
                .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Without this, Bolt's event loops idle for ~11 s on shutdown before they
                // let go.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();
        }
        catch (RuntimeException ex) {
            throw new CaseGraphStartupException(
                    "the embedded Neo4j could not start in " + home + ": " + rootMessage(ex), ex);
        }
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        int port = ((GraphDatabaseAPI) system).getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT)
            .getPort();
        log.info("Embedded Neo4j started in {} ms, data in {}, Bolt on 127.0.0.1:{}",
                (System.nanoTime() - started) / 1_000_000, home, port);
        return new EmbeddedNeo4j(service, port);
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + this.boltPort;
    }

    public int boltPort() {
        return this.boltPort;
    }

    @Override
    public void close() {
        if (!this.open.compareAndSet(true, false)) {
            return;
        }
        long started = System.nanoTime();
        this.service.shutdown();
        log.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void requireWritable(Path home) {
        try {
            Files.createDirectories(home);
        }
        catch (IOException ex) {
            throw new CaseGraphStartupException("cannot create the data folder " + home + " (" + rootMessage(ex)
                    + "); choose a writable folder with --casegraph.data-dir=DIR", ex);
        }
        if (!Files.isWritable(home)) {
            throw new CaseGraphStartupException("the data folder " + home
                    + " is not writable; choose a writable folder with --casegraph.data-dir=DIR");
        }
    }

    private static void requireFreePort(int port) {
        if (port == 0) {
            return;
        }
        if (port < 0 || port > 65535) {
            throw new CaseGraphStartupException(
                    "casegraph.embedded.bolt-port must be between 0 and 65535, not " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        catch (IOException ex) {
            throw new CaseGraphStartupException("the embedded database's Bolt port " + port
                    + " is already in use; choose another with --casegraph.embedded.bolt-port=N (0 = any free port)",
                    ex);
        }
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

}
