package org.tolk.daemon;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.tolk.cli.Invocation;
import org.tolk.cli.Main;

/**
 * The build daemon: listens on a Unix socket that only its user can reach, runs one build at a time exactly
 * as {@code tolk build} would in its own process, and exits after {@link Client#IDLE} without builds, when
 * the jar it runs from changes (a new Tolk gets a new daemon), or when asked to ({@code tolk daemon stop}).
 * If the client goes away during a build (Ctrl-C), the daemon stops at once, as the build's own process
 * would: the output folder is swapped in whole or not at all, so nothing is left half-written.
 */
public final class Daemon {
    private final Path socket;
    private final Duration idle;
    private final Runnable onClientGone;
    private final List<Path> classPath = Place.classPath();
    private final String classPathKey = Place.key(List.of(), classPath);
    private final Instant started = Instant.now();
    private volatile long lastActive = System.nanoTime();
    private volatile boolean busy;
    private volatile boolean stopping;
    private int builds;

    Daemon(Path socket, Duration idle, Runnable onClientGone) {
        this.socket = socket;
        this.idle = idle;
        this.onClientGone = onClientGone;
    }

    /** {@code Daemon SOCKET IDLE_SECONDS}; started by {@link Client}, not by hand. */
    public static void main(String[] args) throws IOException {
        Path socket = Path.of(args[0]);
        Daemon daemon = new Daemon(socket, Duration.ofSeconds(Long.parseLong(args[1])), () -> {
            System.out.println(Instant.now() + " the client went away during a build: stopping, as the build's own process would");
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // the next client finds it dead and removes it
            }
            Runtime.getRuntime().halt(130);
        });
        daemon.serve();
        System.exit(0);
    }

    /** Serves builds until idle, outdated or stopped. */
    void serve() throws IOException {
        Files.deleteIfExists(socket);   // a dead daemon's; the client starting this one holds the lock
        tidy(socket.getParent(), Instant.now().minus(STALE));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Object socketFile = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
            System.out.println(started + " Tolk build daemon " + ProcessHandle.current().pid() + " listening at " + socket);
            Thread watchdog = new Thread(() -> watch(server), "tolk-daemon-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            while (!stopping) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (ClosedChannelException e) {
                    break;
                }
                try (client) {
                    handle(client);
                } catch (IOException | RuntimeException e) {
                    System.out.println(Instant.now() + " a request failed: " + e);
                } finally {
                    lastActive = System.nanoTime();
                }
            }
            removeSocket(socketFile);
        }
        System.out.println(Instant.now() + " stopped after " + builds + " builds");
    }

    /** How long the log and lock of a daemon that no longer runs are kept (its log may tell why it stopped). */
    static final Duration STALE = Duration.ofDays(2);

    /**
     * Deletes the logs and locks of daemons that no longer listen and were last used before {@code before}:
     * every jar a developer builds gets daemons of its own, and their files would pile up. A courtesy: what
     * cannot be read or deleted is left.
     */
    static void tidy(Path folder, Instant before) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String kind = dot < 0 ? "" : name.substring(dot);
                if ((kind.equals(".log") || kind.equals(".lock"))
                        && !Files.exists(folder.resolve(name.substring(0, dot) + ".sock"))
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // left for another time
        }
    }

    /** Closes the server socket (ending {@link #serve}) once it is idle too long or its jar changed. */
    private void watch(ServerSocketChannel server) {
        while (server.isOpen()) {
            try {
                Thread.sleep(Math.min(1000, Math.max(10, idle.toMillis() / 4)));
            } catch (InterruptedException e) {
                return;
            }
            if (busy) {
                continue;
            }
            boolean idleTooLong = System.nanoTime() - lastActive > idle.toNanos();
            boolean outdated = !Place.key(List.of(), classPath).equals(classPathKey);
            if (idleTooLong || outdated || stopping) {
                System.out.println(Instant.now() + (outdated ? " the jar changed" : stopping ? " asked to stop" : " idle for " + idle));
                stopping = true;
                try {
                    server.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private void removeSocket(Object socketFile) {
        try {
            // Only our own: a daemon started after this one decided to stop may be listening there already.
            if (Objects.equals(Files.readAttributes(socket, BasicFileAttributes.class).fileKey(), socketFile)) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // gone already
        }
    }

    private void handle(SocketChannel client) throws IOException {
        Wire.Request request = Wire.Request.read(client);
        switch (request.kind()) {
            case Wire.STATUS -> reply(client, status());
            case Wire.STOP -> {
                stopping = true;
                reply(client, "Stopped the build daemon " + ProcessHandle.current().pid() + " (" + builds + " builds).");
            }
            case Wire.BUILD -> build(client, request);
            default -> throw new IOException("unknown request " + request.kind());
        }
    }

    private String status() {
        Duration up = Duration.between(started, Instant.now());
        Duration unused = Duration.ofNanos(System.nanoTime() - lastActive);
        return String.format("Tolk build daemon %d: up %d min, %d builds, idle %d min (stops after %d); jar %s; socket %s",
                ProcessHandle.current().pid(), up.toMinutes(), builds, unused.toMinutes(), idle.toMinutes(),
                String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()), socket);
    }

    private static void reply(SocketChannel client, String text) throws IOException {
        byte[] bytes = (text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        Wire.frame(client, Wire.OUT, bytes, 0, bytes.length);
        Wire.exit(client, 0);
    }

    private void build(SocketChannel client, Wire.Request request) throws IOException {
        if (request.args().isEmpty() || !request.args().get(0).equals("build")) {
            byte[] bytes = "tolk: the build daemon runs builds only\n".getBytes(StandardCharsets.UTF_8);
            Wire.frame(client, Wire.ERR, bytes, 0, bytes.length);
            Wire.exit(client, 2);
            return;
        }
        busy = true;
        builds++;
        long start = System.nanoTime();
        Watcher watcher = new Watcher(client);
        watcher.start();
        Charset charset = Charset.isSupported(request.charset()) ? Charset.forName(request.charset()) : Charset.defaultCharset();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        PrintStream out = new PrintStream(new BufferedOutputStream(new Frames(client, Wire.OUT), 8192), true, charset);
        PrintStream err = new PrintStream(new BufferedOutputStream(new Frames(client, Wire.ERR), 8192), true, charset);
        int code;
        try {
            // Anything the build prints on its own (timings) goes to the client too.
            System.setOut(out);
            System.setErr(err);
            code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                    new Invocation(Path.of(request.workingDirectory()), request.terminal()),
                    request.args().toArray(String[]::new));
            out.flush();
            err.flush();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            watcher.done = true;
            busy = false;
        }
        Wire.exit(client, code);
        if (code == 70) {
            // An internal error or running out of memory: the next build gets a fresh JVM.
            stopping = true;
        }
        savedOut.printf("%s build in %s: exit %d, %d ms%n", Instant.now(), request.workingDirectory(), code,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Notices the client going away during a build: the daemon has nothing else to read from it. */
    private final class Watcher extends Thread {
        private final SocketChannel client;
        volatile boolean done;

        Watcher(SocketChannel client) {
            super("tolk-daemon-client");
            this.client = client;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                int read = client.read(ByteBuffer.allocate(1));
                if (read < 0 && !done) {
                    onClientGone.run();
                }
            } catch (IOException e) {
                if (!done) {
                    onClientGone.run();
                }
            }
        }
    }

    /** An output stream sending what is written as frames of one type. */
    private static final class Frames extends OutputStream {
        private final SocketChannel client;
        private final byte type;

        Frames(SocketChannel client, byte type) {
            this.client = client;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (client) {
                Wire.frame(client, type, bytes, offset, length);
            }
        }
    }
}
