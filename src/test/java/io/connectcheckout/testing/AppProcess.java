package io.connectcheckout.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}
 * before the integration tests run) as a separate operating-system process, so that a drill can
 * {@code kill -9} it and start it again on the same database.
 */
public final class AppProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final int port;
    /** Health, metrics and OpenAPI answer here (the management interface), not on {@link #port}. */
    private final int managementPort = freePort();
    private final Map<String, String> config;
    private final Path logDir;
    private Process process;
    private int starts;

    public AppProcess(int port, Map<String, String> config, Path logDir) {
        this.port = port;
        this.config = config;
        this.logDir = logDir;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean packaged() {
        return Files.isRegularFile(JAR);
    }

    public int port() {
        return port;
    }

    /** Starts the application and waits until {@code /q/health/ready} (on its management port) answers 200. */
    public void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-jar");
        command.add(JAR.toString());
        Files.createDirectories(logDir);
        Path log = logDir.resolve("app-" + (++starts) + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + managementPort + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not become ready in 90 s; see " + log);
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown hooks, no finished transactions, no flushed buffers. */
    public void kill9() throws IOException, InterruptedException {
        long pid = process.pid();
        int exit = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -9 " + pid + " exited with " + exit);
        }
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
