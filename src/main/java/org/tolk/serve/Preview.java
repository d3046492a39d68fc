package org.tolk.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.tolk.build.BuildOptions;

/**
 * A running preview: the Jetty server, the watcher, the rebuild loop and live reload, started together and
 * stopped together. The CLI and the tests use only this class.
 *
 * <pre>
 * try (Preview preview = Preview.start(Preview.Settings.of(options), rebuild -&gt; log(rebuild))) {
 *     open(preview.url());
 * }
 * </pre>
 */
public final class Preview implements AutoCloseable {

    /**
     * How to run the preview.
     *
     * @param options      what to build (drafts, future); the base URL is replaced by the preview's own
     * @param bind         the address to listen on
     * @param port         the first port to try; 0 for any free port
     * @param portAttempts how many ports from {@code port} up to try when one is taken
     * @param poll         find changes by polling instead of file-system events
     * @param pollInterval how often to poll
     * @param quiet        how long the sources must be quiet before a rebuild starts
     * @param maxWait      the longest a rebuild waits for a burst of changes to end
     */
    public record Settings(BuildOptions options, String bind, int port, int portAttempts, boolean poll,
                           Duration pollInterval, Duration quiet, Duration maxWait) {

        public static Settings of(BuildOptions options) {
            return new Settings(options, "127.0.0.1", 8080, 20, false, Duration.ofMillis(300),
                    Duration.ofMillis(30), Duration.ofMillis(500));
        }

        public Settings withPort(int newPort) {
            return new Settings(options, bind, newPort, portAttempts, poll, pollInterval, quiet, maxWait);
        }

        public Settings withBind(String address) {
            return new Settings(options, address, port, portAttempts, poll, pollInterval, quiet, maxWait);
        }

        public Settings withPolling(boolean doPoll, Duration interval) {
            return new Settings(options, bind, port, portAttempts, doPoll, interval, quiet, maxWait);
        }
    }

    /** No port in the range could be had. */
    public static final class NoFreePortException extends IOException {
        NoFreePortException(String message) {
            super(message);
        }
    }

    private final Server server;
    private final PreviewSite site;
    private final LiveReload live;
    private final SourceWatcher watcher;
    private final RebuildLoop loop;
    private final URI url;
    private final int requestedPort;
    private final Rebuild firstBuild;

    private Preview(Server server, PreviewSite site, LiveReload live, SourceWatcher watcher, RebuildLoop loop, URI url,
                    int requestedPort, Rebuild firstBuild) {
        this.server = server;
        this.site = site;
        this.live = live;
        this.watcher = watcher;
        this.loop = loop;
        this.url = url;
        this.requestedPort = requestedPort;
        this.firstBuild = firstBuild;
    }

    /**
     * Binds the port, starts serving (requests wait for the first build), builds the site, and watches it.
     * Returns once the first build is served. {@code listener} hears about every later rebuild, on the
     * rebuild thread.
     */
    public static Preview start(Settings settings, Consumer<Rebuild> listener) throws IOException {
        return start(settings, listener, false);
    }

    /**
     * As {@link #start(Settings, Consumer)}; with {@code followClock}, what counts as "in the future" is decided
     * anew at each rebuild (for the CLI; tests keep the fixed moment of their build options).
     */
    public static Preview start(Settings settings, Consumer<Rebuild> listener, boolean followClock) throws IOException {
        String instance = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        InetAddress address = InetAddress.getByName(settings.bind());

        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("tolk-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = bind(server, http, settings);
        server.addConnector(connector);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        server.setErrorHandler(errors);

        URI url = URI.create("http://" + urlHost(address) + ":" + connector.getLocalPort() + "/");
        PreviewSite site = new PreviewSite(settings.options().withBaseUrl(url.toString()), followClock);
        LiveReload live = new LiveReload(instance, site);
        server.setHandler(new PreviewHandler(site, live, new TranslatorView(site), instance, address.isLoopbackAddress()));

        WatchScope scope = new WatchScope(settings.options().source());
        SourceWatcher watcher = settings.poll() ? new PollingWatcher(scope, settings.pollInterval())
                : SourceWatcher.forPlatform(scope, settings.pollInterval());
        RebuildLoop[] loop = new RebuildLoop[1];
        long[] served = {0};
        loop[0] = new RebuildLoop(site, settings.quiet(), settings.maxWait(), rebuild -> {
            live.announce(rebuild, served[0]);
            if (site.served() != null) served[0] = site.served().number();
            listener.accept(rebuild);
        });
        try {
            server.start();
            watcher.start(loop[0]::changed);
        } catch (Exception e) {
            stopQuietly(server);
            watcher.close();
            live.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        Rebuild first = site.rebuild(Set.of());
        served[0] = site.served() == null ? 0 : site.served().number();
        loop[0].start();
        return new Preview(server, site, live, watcher, loop[0], url, settings.port(), first);
    }

    /** Opens the first free port from {@code settings.port()} on. */
    private static ServerConnector bind(Server server, HttpConfiguration http, Settings settings) throws IOException {
        List<Integer> tried = new ArrayList<>();
        int attempts = settings.port() == 0 ? 1 : Math.max(1, settings.portAttempts());
        for (int i = 0; i < attempts; i++) {
            int port = settings.port() == 0 ? 0 : settings.port() + i;
            if (port > 65535) break;
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(settings.bind());
            connector.setPort(port);
            connector.setIdleTimeout(Duration.ofMinutes(2).toMillis());
            try {
                connector.open();
                return connector;
            } catch (IOException e) {
                if (!(e instanceof BindException) && !(e.getCause() instanceof BindException)) {
                    throw new IOException("cannot listen on " + settings.bind() + ":" + port + ": " + e.getMessage(), e);
                }
                tried.add(port);
                connector.close();
            }
        }
        throw new NoFreePortException("ports " + tried.get(0) + (tried.size() > 1 ? "–" + tried.get(tried.size() - 1) : "")
                + " on " + settings.bind() + " are all in use; choose another with --port");
    }

    private static String urlHost(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "127.0.0.1";   // listening everywhere: this machine reaches it on loopback
        }
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // already failing; the caller reports the first error
        }
    }

    /** The preview's address, {@code http://127.0.0.1:8080/}. */
    public URI url() {
        return url;
    }

    /** The port asked for; {@link #url()} has the one in use (the next free one if it was taken). */
    public int requestedPort() {
        return requestedPort;
    }

    public Rebuild firstBuild() {
        return firstBuild;
    }

    public PreviewSite site() {
        return site;
    }

    /** How the sources are watched, for the terminal. */
    public String watching() {
        return watcher.describe();
    }

    /** Browsers (or shared workers, one per browser) connected for live reload. */
    public int browsers() {
        return live.clientCount();
    }

    /** Stops watching, ends the browsers' event streams and stops the server. */
    @Override
    public void close() {
        watcher.close();
        loop.close();
        live.close();
        stopQuietly(server);
    }
}
