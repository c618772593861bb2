package org.casegraph.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar started as a person would start it, with its output collected line by
 * line.
 */
public final class JarProcess implements AutoCloseable {

    private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private final long startedAt = System.nanoTime();

    private JarProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    this.lines.add(line);
                }
            }
            catch (IOException ex) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    public static JarProcess start(String... args) {
        return startWithHeap("256m", args);
    }

    /** The jar with a heap of {@code heap} (as -Xmx takes it) instead of 256 MiB. */
    public static JarProcess startWithHeap(String heap, String... args) {
        List<String> arguments = new ArrayList<>(List.of("-Xmx" + heap, "-jar", jar().toString()));
        arguments.addAll(List.of(args));
        return java(Path.of("."), arguments);
    }

    /** The packaged jar. */
    public static Path jar() {
        return Path.of(System.getProperty("casegraph.jar", "target/casegraph.jar")).toAbsolutePath();
    }

    /**
     * {@code java} with these arguments in {@code directory}, as a person would type it
     * there (the README's commands, say).
     */
    public static JarProcess java(Path directory, List<String> arguments) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(arguments);
        try {
            return new JarProcess(
                    new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Waits for the process to end; returns its exit code, or fails the test after the
     * timeout.
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            this.process.destroyForcibly();
            throw new AssertionError("the jar did not exit within " + timeout + ":\n" + output());
        }
        Thread.sleep(100);
        return this.process.exitValue();
    }

    /** Waits until the service accepts requests and returns its HTTP port. */
    public int awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : this.lines) {
                Matcher port = HTTP_PORT.matcher(line);
                if (port.find()) {
                    return Integer.parseInt(port.group(1));
                }
            }
            if (!this.process.isAlive()) {
                throw new AssertionError("the jar exited with " + this.process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the jar did not start within " + timeout + ":\n" + output());
    }

    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - this.startedAt);
    }

    /** Sends SIGTERM, as a service manager or Ctrl-C would. */
    public void terminate() {
        this.process.destroy();
    }

    /** Sends SIGKILL: no shutdown hook runs, as in a power cut or an OOM killer. */
    public void kill() throws InterruptedException {
        this.process.destroyForcibly();
        this.process.waitFor();
    }

    public long pid() {
        return this.process.pid();
    }

    public List<String> lines() {
        return List.copyOf(this.lines);
    }

    public String output() {
        return String.join("\n", this.lines);
    }

    @Override
    public void close() {
        this.process.destroyForcibly();
    }

}
