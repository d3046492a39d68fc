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
        for (int attempt = 1; ; attempt++) {
            try {
                return Files.createDirectory(parent.resolve(prefix + randomPart()));
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A new, empty file in {@code parent}: {@code prefix}, a random part and {@code suffix}. */
    public static Path file(Path parent, String prefix, String suffix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return Files.createFile(parent.resolve(prefix + randomPart() + suffix));
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
