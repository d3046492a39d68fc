package org.tolk.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.tolk.TestSites;
import org.tolk.build.BuildOptions;

/**
 * A preview of a fixture site, started on a free port of 127.0.0.1, for one test. Keeps every rebuild
 * it reports, and offers HTTP helpers. Close it (try-with-resources) to stop everything it started.
 */
final class PreviewFixture implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final Path site;
    final Preview preview;
    final List<Rebuild> rebuilds = new CopyOnWriteArrayList<>();

    private PreviewFixture(Path site, Preview.Settings settings) throws IOException {
        this.site = site;
        this.preview = Preview.start(settings, rebuilds::add);
    }

    static PreviewFixture start(Path site) throws IOException {
        return start(site, settings(site));
    }

    static PreviewFixture start(Path site, Preview.Settings settings) throws IOException {
        return new PreviewFixture(site, settings);
    }

    /** Port 0 (any free port), quick debouncing, file-system events. */
    static Preview.Settings settings(Path site) {
        return settings(TestSites.options(site));
    }

    static Preview.Settings settings(BuildOptions options) {
        return new Preview.Settings(options, "127.0.0.1", 0, 1, false, Duration.ofMillis(100),
                Duration.ofMillis(30), Duration.ofMillis(500));
    }

    static Path copy(Path into) {
        return TestSites.copy("serve-basic", into);
    }

    URI url(String path) {
        return preview.url().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url(path)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code requestLine} and {@code headers} as they are, over a plain socket: HTTP clients normalise
     * paths and refuse to set Host, which the tests of odd requests need to send. Returns the raw response.
     */
    String raw(String target, String host) {
        try (Socket socket = new Socket("127.0.0.1", preview.url().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String raw(String target) {
        return raw(target, "127.0.0.1:" + preview.url().getPort());
    }

    static int status(String rawResponse) {
        return Integer.parseInt(rawResponse.substring(9, 12));
    }

    /** Writes a file of the site the way a simple editor does: in place. */
    void write(String relative, String text) {
        TestSites.write(site.resolve(relative), text);
    }

    String read(String relative) {
        try {
            return Files.readString(site.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void replace(String relative, String from, String to) {
        String text = read(relative);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(relative + " does not contain " + from);
        }
        write(relative, text.replace(from, to));
    }

    /** The latest rebuild whose sources include {@code source}, waiting for it. */
    Rebuild awaitRebuildOf(String source) {
        eventually("a rebuild after " + source + " changed", () -> rebuilds.stream().anyMatch(r -> r.sources().contains(source)));
        return rebuilds.stream().filter(r -> r.sources().contains(source)).reduce((a, b) -> b).orElseThrow();
    }

    /** Waits (generously: tests must not depend on the machine's speed) until {@code condition} holds. */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        preview.close();
    }
}
