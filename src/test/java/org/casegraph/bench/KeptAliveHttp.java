package org.casegraph.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's HTTP client: one kept-alive connection per thread, as load generators
 * such as wrk use. It writes a POST and reads the status line, the headers and the body
 * (by Content-Length or chunked), and nothing else, so that what is measured is the
 * service rather than the client sharing its two cores. Measured on this machine against
 * the same server, eight threads of the JDK's HttpURLConnection completed about 28 %
 * fewer entity lookups per second than wrk did.
 */
final class KeptAliveHttp implements AutoCloseable {

    private final URI endpoint;

    private final byte[] head;

    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    private final Set<Connection> opened = ConcurrentHashMap.newKeySet();

    KeptAliveHttp(URI endpoint) {
        this.endpoint = endpoint;
        this.head = ("POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":"
                + endpoint.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
    }

    /** The response body when the status is 200, otherwise null. */
    String post(String body) throws IOException {
        Connection connection = this.connections.get();
        if (connection == null) {
            return post(open(), body);
        }
        try {
            return post(connection, body);
        }
        catch (IOException ex) {
            // The server may close a kept-alive connection that sat idle: one new
            // connection, one more try.
            close(connection);
            return post(open(), body);
        }
    }

    private String post(Connection connection, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream(this.head.length + content.length + 16);
        request.write(this.head);
        request.write((content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.write(content);
        connection.out.write(request.toByteArray());
        connection.out.flush();
        Response response = read(connection.in);
        if (response.close()) {
            close(connection);
        }
        return response.status() == 200 ? response.body() : null;
    }

    private Connection open() throws IOException {
        Socket socket = new Socket(this.endpoint.getHost(), this.endpoint.getPort());
        socket.setTcpNoDelay(true);
        // Longer than the benchmark's transaction timeout: a server that stops answering
        // fails the run.
        socket.setSoTimeout(180_000);
        Connection connection = new Connection(socket, new BufferedInputStream(socket.getInputStream(), 16384),
                socket.getOutputStream());
        this.connections.set(connection);
        this.opened.add(connection);
        return connection;
    }

    private void close(Connection connection) {
        connection.close();
        this.opened.remove(connection);
        this.connections.remove();
    }

    private record Response(int status, String body, boolean close) {
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0; size = Integer
                .parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            while (!line(in).isEmpty()) {
                // Trailers end with an empty line.
            }
        }
        else if (length >= 0) {
            byte[] content = in.readNBytes((int) length);
            if (content.length < length) {
                throw new EOFException("connection closed after " + content.length + " of " + length + " bytes");
            }
            body.write(content);
        }
        else if (status == 204 || status == 304) {
            // No body.
        }
        else {
            throw new IOException("response without Content-Length or chunked encoding");
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8), close);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed in the middle of a response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        this.opened.forEach(Connection::close);
    }

    private record Connection(Socket socket, InputStream in, OutputStream out) {

        void close() {
            try {
                this.socket.close();
            }
            catch (IOException ex) {
                // Closing anyway.
            }
        }

    }

}
