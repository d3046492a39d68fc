package org.tolk.daemon;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.tolk.cli.Invocation;

/**
 * The {@code tolk build} that hands the build to a daemon: finds the daemon for this jar and JVM (starting
 * one if there is none), sends it the command line and working directory, prints what it prints and exits
 * with its exit code. Anything that stops it from reaching a daemon means building in this process instead,
 * as if the daemon did not exist; a daemon that dies during a build is reported as an error.
 */
public final class Client {
    /** How long an unused daemon waits for the next build before it exits. */
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private Client() {
    }

    /**
     * Whether this command line should go to a daemon: a {@code build} without {@code --no-daemon}, unless
     * TOLK_DAEMON=off (or 0, false, no) or on CI, where every build is a one-off and a process left
     * behind is in the way.
     */
    public static boolean wanted(String[] args, Map<String, String> environment) {
        if (args.length == 0 || !args[0].equals("build")) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--no-daemon")) {
                return false;
            }
        }
        String setting = environment.getOrDefault("TOLK_DAEMON", "").trim().toLowerCase(java.util.Locale.ROOT);
        return !List.of("off", "0", "false", "no").contains(setting) && !"true".equals(environment.get("CI"));
    }

    /** Runs {@code args} in this JVM's daemon; empty if there is none to be had (then build in this process). */
    public static OptionalInt build(String[] args) {
        Optional<Place> place = Place.ofThisJvm(args.length);
        if (place.isEmpty()) {
            return OptionalInt.empty();
        }
        Invocation here = Invocation.ofThisProcess();
        Wire.Request request = new Wire.Request(Wire.BUILD, here.workingDirectory().toString(), here.terminal(),
                Charset.defaultCharset().name(), List.of(args));
        return run(place.get(), request, System.out, System.err, Client::startDaemon);
    }

    /** Starts a daemon listening at a place; how is up to the caller (tests start theirs from their class path). */
    interface Starter {
        Process start(Place place) throws IOException;
    }

    static OptionalInt run(Place place, Wire.Request request, OutputStream out, PrintStream err, Starter starter) {
        SocketChannel channel = connect(place.socket());
        if (channel == null) {
            channel = startAndConnect(place, err, starter);
            if (channel == null) {
                return OptionalInt.empty();
            }
        }
        try (SocketChannel open = channel) {
            request.send(open);
            return OptionalInt.of(Wire.relay(Channels.newInputStream(open), out, err));
        } catch (Wire.NoAnswer e) {
            // Most likely it stopped, idle, as this build connected: nothing of the build has run there.
            err.println("tolk: the build daemon did not take the build (its log: " + place.log() + "); building without it.");
            return OptionalInt.empty();
        } catch (EOFException e) {
            err.println("tolk: the build daemon stopped during the build (its log: " + place.log() + "). "
                    + "The output folder is whole: it is swapped in only when a build is done. Run the build again, "
                    + "or with --no-daemon.");
            return OptionalInt.of(70);
        } catch (IOException e) {
            err.println("tolk: lost the build daemon (" + e.getMessage() + "; its log: " + place.log() + "). Run the build again, "
                    + "or with --no-daemon.");
            return OptionalInt.of(70);
        }
    }

    /** A connection to the daemon at {@code socket}, or null if none listens there. */
    static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return channel;
            } catch (IOException e) {
                channel.close();
                return null;
            }
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Starts the daemon (one at a time: two builds started at once must not start two) and waits until it
     * listens; null if it does not, with a word on the terminal.
     */
    private static SocketChannel startAndConnect(Place place, PrintStream err, Starter starter) {
        try (FileChannel lockFile = FileChannel.open(place.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            SocketChannel channel = connect(place.socket());
            if (channel != null) {
                return channel;   // the other build started it
            }
            Files.deleteIfExists(place.socket());   // left by a daemon that was killed
            err.println("Starting Tolk's build daemon (later builds start at once; it stops after "
                    + IDLE.toMinutes() + " idle minutes, or with 'tolk daemon stop'; --no-daemon builds without it)…");
            Process process = starter.start(place);
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                channel = connect(place.socket());
                if (channel != null) {
                    return channel;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            process.destroy();
            err.println("tolk: the build daemon did not start (its log: " + place.log() + "); building without it.");
            return null;
        } catch (IOException e) {
            err.println("tolk: could not start the build daemon (" + e.getMessage() + "); building without it.");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Starts a daemon with this JVM's binary, options and class path, in a session of its own (so that
     * closing the terminal or Ctrl-C in it later does not stop it), with its output in its log. The options
     * include the quick compiler alone (the launcher's, for builds): measured in the daemon at 10,000 stories,
     * rebuilds after an edit took 20–30 % less CPU time with it than with the optimising one as well, over the
     * first eight builds, and the first build, often a full one, is as fast as in a JVM of its own.
     */
    private static Process startDaemon(Place place) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Place.jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Daemon.class.getName());
        command.add(place.socket().toString());
        command.add(Long.toString(IDLE.toSeconds()));
        return new ProcessBuilder(command)
                .directory(place.folder().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(place.log().toFile())
                .start();
    }

    /** Sends a request that is not a build (status, stop) to the daemon at {@code socket}; empty if none listens. */
    static Optional<String> ask(Path socket, byte kind) {
        SocketChannel channel = connect(socket);
        if (channel == null) {
            return Optional.empty();
        }
        try (SocketChannel open = channel) {
            new Wire.Request(kind, "", false, "UTF-8", List.of()).send(open);
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            Wire.relay(Channels.newInputStream(open), text, text);
            return Optional.of(text.toString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
