package org.tolk.daemon;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a daemon listens: {@code <tmp>/tolk-<user>/<key>.sock}, in a folder only its owner may enter (the
 * socket accepts commands, so nobody else may reach it), with its log and a lock beside it. The key names
 * the Tolk that runs there and how: the jar (path, size, time) and the JVM's own command line, so a rebuilt
 * jar or other JVM options get a daemon of their own.
 */
record Place(Path folder, String key) {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    Path socket() {
        return folder.resolve(key + ".sock");
    }

    Path log() {
        return folder.resolve(key + ".log");
    }

    Path lock() {
        return folder.resolve(key + ".lock");
    }

    /** The place for the Tolk running in this JVM, whose command line ends with {@code appArgs}; empty where there can be none. */
    static Optional<Place> ofThisJvm(int appArgs) {
        return userFolder().map(folder -> new Place(folder, key(jvmCommand(appArgs), classPath())));
    }

    /**
     * This user's folder of daemons, made if missing; empty if it cannot be made safe: not a real folder,
     * someone else's, or open to others (then Tolk builds without a daemon rather than trust it).
     */
    static Optional<Path> userFolder() {
        String user = System.getProperty("user.name", "");
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "tolk-" + user.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // made by another Tolk at the same moment: checked below like any other
                }
            }
            PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean safe = attributes.isDirectory() && attributes.owner().getName().equals(user)
                    && attributes.permissions().equals(OWNER_ONLY);
            return safe ? Optional.of(folder) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    static String key(List<String> jvmCommand, List<Path> classPath) {
        StringBuilder identity = new StringBuilder();
        for (String part : jvmCommand) {
            identity.append(part).append('\0');
        }
        for (Path entry : classPath) {
            identity.append(entry.toAbsolutePath()).append('\0');
            try {
                identity.append(Files.size(entry)).append('\0').append(Files.getLastModifiedTime(entry).toMillis()).append('\0');
            } catch (IOException e) {
                identity.append("missing\0");
            }
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : identity.toString().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }

    /** The jar (or folders, in tests) Tolk runs from. */
    static List<Path> classPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return entries;
    }

    /**
     * How this JVM was started, without the arguments given to Tolk: the java binary, its options, the jar.
     * Read from /proc where there is one (a few microseconds; the management API takes 40 ms to load).
     */
    static List<String> jvmCommand(int appArgs) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<String> parts = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\0")));
            return parts.subList(0, Math.max(0, parts.size() - appArgs));
        } catch (IOException | RuntimeException e) {
            List<String> parts = new ArrayList<>();
            parts.add(System.getProperty("java.home"));
            parts.addAll(jvmOptions());
            return parts;
        }
    }

    /** The options this JVM was started with (-Xmx…, -D…, -XX:…), as the daemon is to be started with them. */
    static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
}
