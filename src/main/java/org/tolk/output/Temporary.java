package org.tolk.output;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New files and folders under names no other has, beside what they will become (a staging folder, a cache file
 * being written). Unlike {@code Files.createTempDirectory} and {@code createTempFile}, they get the permissions
 * any file made there gets (the umask's): a staging folder becomes the output folder, which a web server running
 * as another user must be able to read, and the JDK's would be {@code rwx------}. Nor do they seed a
 * SecureRandom for the name, which cost every build 15–20 ms before it could start rendering.
 */
public final class Temporary {
    private static final int ATTEMPTS = 100;

    private Temporary() {
    }

    /** A new, empty folder in {@code parent}: {@code prefix} and a random part. */
    public static Path folder(Path parent, String prefix) throws IOException {
        return create(parent, prefix, "", Files::createDirectory);
    }

    /** A new, empty file in {@code parent}: {@code prefix}, a random part and {@code suffix}. */
    public static Path file(Path parent, String prefix, String suffix) throws IOException {
        return create(parent, prefix, suffix, Files::createFile);
    }

    private interface Maker {
        Path make(Path path) throws IOException;
    }

    /** Makes {@code prefix}, a random part and {@code suffix} in {@code parent}, under another random part if that is taken. */
    private static Path create(Path parent, String prefix, String suffix, Maker maker) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return maker.make(parent.resolve(prefix + randomPart() + suffix));
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static String randomPart() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }
}
