package org.tolk.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.cli.Main;

/** The build daemon: a build sent to it is the build its client would have run itself. */
class DaemonTest {
    @TempDir
    Path dir;

    private Thread serving;

    @AfterEach
    void stopServing() throws InterruptedException {
        if (serving != null) {
            Client.ask(place().socket(), Wire.STOP);
            serving.join(10_000);
        }
    }

    private Path folder;

    private Place place() {
        return new Place(folder == null ? dir : folder, "test");
    }

    /** A daemon in this JVM, as {@code Daemon.main} runs it in its own. */
    private Daemon serve(Duration idle, Runnable onClientGone) throws InterruptedException {
        Daemon daemon = new Daemon(place().socket(), idle, onClientGone);
        serving = new Thread(() -> {
            try {
                daemon.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "test-daemon");
        serving.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // Listening, not only bound: the socket's file appears a moment before connections are taken.
        while (System.nanoTime() < deadline) {
            SocketChannel channel = Client.connect(place().socket());
            if (channel != null) {
                Wire.Request status = new Wire.Request(Wire.STATUS, "", false, "UTF-8", List.of());
                try (channel) {
                    status.send(channel);
                    Wire.relay(java.nio.channels.Channels.newInputStream(channel), new ByteArrayOutputStream(), new ByteArrayOutputStream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                break;
            }
            Thread.sleep(5);
        }
        return daemon;
    }

    /**
     * A copy of a test site whose files were last changed an hour ago: files changed within 2 s of a build are
     * read again by the next one (their time stamp cannot be trusted), and a rebuild would not be "0 rendered".
     */
    private Path agedSite() throws IOException {
        Path site = TestSites.copy("basic", dir);
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (var files = Files.walk(site)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, hourAgo);
            }
        }
        return site;
    }

    private static final Client.Starter NO_START = place -> {
        throw new IOException("no daemon may be started here");
    };

    private record Ran(OptionalInt code, String out, String err) {
    }

    private Ran send(Path workingDirectory, Client.Starter starter, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt code = Client.run(place(), new Wire.Request(Wire.BUILD, workingDirectory.toString(), false, "UTF-8", List.of(args)),
                out, new PrintStream(err, true, StandardCharsets.UTF_8), starter);
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBuildInTheDaemonWritesWhatABuildInItsOwnProcessWrites() throws Exception {
        Path site = agedSite();
        StringWriter localOut = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(localOut), new PrintWriter(new StringWriter()), "build", "--source", site.toString(),
                "-o", site.resolve("here").toString()));
        serve(Duration.ofMinutes(5), () -> {
        });

        // Relative paths are the client's: run from the site's folder, as an author does.
        Ran ran = send(site, NO_START, "build", "-o", "there");

        assertEquals(OptionalInt.of(0), ran.code(), ran.err());
        assertTrue(ran.out().startsWith("Built "), ran.out());
        assertTrue(ran.out().contains("into there/"), ran.out());
        Map<String, String> here = TestSites.snapshot(site.resolve("here"));
        assertFalse(here.isEmpty());
        assertEquals(here, TestSites.snapshot(site.resolve("there")));

        // The second build in the same daemon uses the cache it kept, and changes nothing.
        Ran again = send(site, NO_START, "build", "-o", "there");
        assertEquals(OptionalInt.of(0), again.code(), again.err());
        assertTrue(again.out().contains("0 rendered"), again.out());
        assertEquals(here, TestSites.snapshot(site.resolve("there")));
    }

    @Test
    void mistakesComeBackAsTheyWouldFromABuildOfItsOwnWithTheExitCode() throws Exception {
        Path site = TestSites.copy("basic", dir);
        TestSites.write(site.resolve("content/untitled.en.md"), "---\ndate: 2021-01-01T10:00:00\nlanguage: en\n---\nText\n");
        serve(Duration.ofMinutes(5), () -> {
        });

        Ran ran = send(site, NO_START, "build");

        assertEquals(OptionalInt.of(1), ran.code());
        assertTrue(ran.err().contains("content/untitled.en.md:2:1: error: missing 'title'"), ran.err());
        assertTrue(ran.err().contains("Nothing was written"), ran.err());
        assertFalse(Files.exists(site.resolve("site")));
        // and --help, handled by the same command line
        Ran help = send(site, NO_START, "build", "--help");
        assertEquals(OptionalInt.of(0), help.code());
        assertTrue(help.out().contains("--no-daemon"), help.out());
    }

    @Test
    void onlyBuildsAreTaken() throws Exception {
        serve(Duration.ofMinutes(5), () -> {
        });
        Ran ran = send(dir, NO_START, "serve");
        assertEquals(OptionalInt.of(2), ran.code());
        assertTrue(ran.err().contains("runs builds only"), ran.err());
    }

    @Test
    void theClientStartsADaemonWhenNoneListensAndItStopsWhenAsked() throws Exception {
        Path site = TestSites.copy("basic", dir);
        Process[] started = new Process[1];
        Client.Starter fromTestClassPath = place -> {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            started[0] = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Daemon.class.getName(),
                    place.socket().toString(), "600")
                    .redirectErrorStream(true).redirectOutput(place.log().toFile()).start();
            return started[0];
        };
        try {
            Ran first = send(site, fromTestClassPath, "build");
            assertEquals(OptionalInt.of(0), first.code(), first.err() + Files.readString(place().log()));
            assertTrue(first.err().contains("Starting Tolk's build daemon"), first.err());
            assertTrue(Files.exists(site.resolve("site/index.html")));

            Ran second = send(site, NO_START, "build");
            assertEquals(OptionalInt.of(0), second.code(), second.err());
            assertFalse(second.err().contains("Starting"), second.err());
            assertTrue(Client.ask(place().socket(), Wire.STATUS).orElseThrow().contains("2 builds"));

            assertTrue(Client.ask(place().socket(), Wire.STOP).orElseThrow().contains("Stopped"));
            assertTrue(started[0].waitFor(30, TimeUnit.SECONDS), "the daemon did not stop");
            assertFalse(Files.exists(place().socket()));
            assertTrue(Files.readString(place().log()).contains("stopped after 2 builds"));
        } finally {
            if (started[0] != null) {
                started[0].destroyForcibly();
            }
        }
    }

    /** The whole way, as {@code ./tolk build} goes: the jar's entry point, the user's folder, a daemon in a session of its own. */
    @Test
    void tolkBuildStartsADaemonAndTheNextBuildUsesIt() throws Exception {
        Path site = agedSite();
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path folder = tmp.resolve("tolk-" + System.getProperty("user.name"));
        try {
            String first = tolk(site, tmp, "build", "-o", "public");
            assertTrue(first.contains("Starting Tolk's build daemon"), first);
            assertTrue(first.contains("Built "), first);
            String second = tolk(site, tmp, "build", "-o", "public");
            assertFalse(second.contains("Starting"), second);
            assertTrue(second.contains("0 rendered"), second);
            String without = tolk(site, tmp, "build", "-o", "public", "--no-daemon");
            assertTrue(without.contains("0 rendered"), without);

            List<Path> sockets = sockets(folder);
            assertEquals(1, sockets.size(), sockets.toString());
            String status = Client.ask(sockets.get(0), Wire.STATUS).orElseThrow();
            assertTrue(status.contains("2 builds"), status);
        } finally {
            for (Path socket : sockets(folder)) {
                Client.ask(socket, Wire.STOP);
            }
        }
    }

    private static List<Path> sockets(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".sock")).toList();
        }
    }

    /** Runs the jar's entry point in a JVM of its own, as a user's terminal would (not on CI, daemon not turned off). */
    private static String tolk(Path workingDirectory, Path tmp, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), org.tolk.Tolk.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().remove("CI");
        builder.environment().remove("TOLK_DAEMON");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** A daemon that takes a connection and closes it, after writing {@code frames} (raw bytes). */
    private Thread fakeDaemon(byte[] frames) throws IOException {
        java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        server.bind(java.net.UnixDomainSocketAddress.of(place().socket()));
        Thread thread = new Thread(() -> {
            try (server; SocketChannel client = server.accept()) {
                Wire.Request.read(client);
                client.write(java.nio.ByteBuffer.wrap(frames));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void aDaemonThatClosesWithoutAnAnswerLeavesTheBuildToTheClient() throws Exception {
        Thread daemon = fakeDaemon(new byte[0]);
        Ran ran = send(dir, NO_START, "build");
        daemon.join();
        assertTrue(ran.code().isEmpty(), "built here instead");
        assertTrue(ran.err().contains("did not take the build"), ran.err());
    }

    @Test
    void aDaemonThatDiesDuringABuildIsAnError() throws Exception {
        byte[] said = "Reading content…".getBytes(StandardCharsets.UTF_8);
        byte[] frame = java.nio.ByteBuffer.allocate(5 + said.length).put(Wire.ERR).putInt(said.length).put(said).array();
        Thread daemon = fakeDaemon(frame);
        Ran ran = send(dir, NO_START, "build");
        daemon.join();
        assertEquals(OptionalInt.of(70), ran.code());
        assertTrue(ran.err().startsWith("Reading content…"), ran.err());
        assertTrue(ran.err().contains("the build daemon stopped during the build"), ran.err());
    }

    @Test
    void withoutADaemonToBeHadTheClientBuildsItself() {
        Ran ran = send(dir, NO_START, "build");
        assertTrue(ran.code().isEmpty());
        assertTrue(ran.err().contains("building without it"), ran.err());
    }

    @Test
    void anIdleDaemonStopsAndRemovesItsSocket() throws Exception {
        serve(Duration.ofMillis(200), () -> {
        });
        serving.join(30_000);
        assertFalse(serving.isAlive(), "still serving");
        assertFalse(Files.exists(place().socket()));
    }

    @Test
    void aClientGoingAwayDuringABuildStopsIt() throws Exception {
        // A build long enough that the client is gone well before it ends.
        Path site = TestSites.copy("basic", dir);
        for (int i = 0; i < 400; i++) {
            TestSites.write(site.resolve("content/bulk/story-" + i + ".en.md"), "---\ntitle: Story " + i
                    + "\ndate: 2021-01-01T10:00:00\nlanguage: en\ntopics: [politics]\n---\n" + "Words. ".repeat(300) + "\n");
        }
        CountDownLatch gone = new CountDownLatch(1);
        serve(Duration.ofMinutes(5), gone::countDown);

        try (SocketChannel channel = Client.connect(place().socket())) {
            new Wire.Request(Wire.BUILD, site.toString(), false, "UTF-8", List.of("build")).send(channel);
        }   // Ctrl-C: the client's end closes

        assertTrue(gone.await(60, TimeUnit.SECONDS), "the daemon did not notice");
    }

    @Test
    void buildsGoToTheDaemonUnlessToldOtherwise() {
        assertTrue(Client.wanted(new String[] {"build", "-o", "public"}, Map.of()));
        assertFalse(Client.wanted(new String[] {"build", "--no-daemon"}, Map.of()));
        assertFalse(Client.wanted(new String[] {"build"}, Map.of("TOLK_DAEMON", "off")));
        assertFalse(Client.wanted(new String[] {"build"}, Map.of("TOLK_DAEMON", "0")));
        assertTrue(Client.wanted(new String[] {"build"}, Map.of("TOLK_DAEMON", "on")));
        assertFalse(Client.wanted(new String[] {"build"}, Map.of("CI", "true")));
        assertFalse(Client.wanted(new String[] {"serve"}, Map.of()));
        assertFalse(Client.wanted(new String[] {"check"}, Map.of()));
        assertFalse(Client.wanted(new String[0], Map.of()));
    }

    @Test
    void tolkDaemonShowsAndStopsTheUsersDaemons() throws Exception {
        String tmp = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", dir.toString());
            assertEquals("No build daemon is running.\n", tolkInProcess("daemon", "status"));
            folder = Place.userFolder().orElseThrow();
            serve(Duration.ofMinutes(5), () -> {
            });
            String status = tolkInProcess("daemon", "status");
            assertTrue(status.startsWith("Tolk build daemon " + ProcessHandle.current().pid() + ": up 0 min, 0 builds"), status);
            assertTrue(tolkInProcess("daemon", "stop").startsWith("Stopped the build daemon"));
            serving.join(30_000);
            assertFalse(serving.isAlive());
            assertEquals("No build daemon is running.\n", tolkInProcess("daemon", "status"));
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
        }
    }

    private static String tolkInProcess(String... args) {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void theDaemonsFolderMustBeTheUsersAlone() throws Exception {
        String tmp = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", dir.toString());
            Path folder = Place.userFolder().orElseThrow();
            assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(folder));
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            assertTrue(Place.userFolder().isEmpty(), "a folder others may enter");
            Files.delete(folder);
            Files.createSymbolicLink(folder, Files.createDirectory(dir.resolve("elsewhere")));
            assertTrue(Place.userFolder().isEmpty(), "a link");
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
        }
    }

    @Test
    void oldLogsAndLocksOfDaemonsThatAreGoneAreTidied() throws Exception {
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofDays(3)));
        for (String name : List.of("gone.log", "gone.lock", "running.log", "running.lock", "recent.log", "notes.txt")) {
            Files.writeString(dir.resolve(name), "x");
            if (!name.startsWith("recent")) {
                Files.setLastModifiedTime(dir.resolve(name), old);
            }
        }
        Files.writeString(dir.resolve("running.sock"), "");

        Daemon.tidy(dir, java.time.Instant.now().minus(Daemon.STALE));

        assertFalse(Files.exists(dir.resolve("gone.log")));
        assertFalse(Files.exists(dir.resolve("gone.lock")));
        for (String kept : List.of("running.log", "running.lock", "running.sock", "recent.log", "notes.txt")) {
            assertTrue(Files.exists(dir.resolve(kept)), kept);
        }
    }

    @Test
    void aDaemonIsKnownByItsJarAndJvm() throws Exception {
        Path jar = Files.writeString(dir.resolve("tolk.jar"), "one");
        String key = Place.key(List.of("java", "-Xmx1g", "-jar"), List.of(jar));
        assertEquals(key, Place.key(List.of("java", "-Xmx1g", "-jar"), List.of(jar)));
        assertFalse(key.equals(Place.key(List.of("java", "-Xmx2g", "-jar"), List.of(jar))), "other JVM options");
        Files.writeString(jar, "other");
        assertFalse(key.equals(Place.key(List.of("java", "-Xmx1g", "-jar"), List.of(jar))), "a rebuilt jar");
    }
}
