package org.tolk.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files and folders: new, named as asked, with the permissions any file made in the same place gets. */
class TemporaryTest {

    @Test
    void foldersAndFilesAreNewAndNamedAsAsked(@TempDir Path dir) throws IOException {
        Path first = Temporary.folder(dir, ".tolk-staging-site-");
        Path second = Temporary.folder(dir, ".tolk-staging-site-");
        assertNotEquals(first, second);
        assertTrue(Files.isDirectory(first) && Files.isDirectory(second));
        assertTrue(first.getFileName().toString().startsWith(".tolk-staging-site-"));
        Path file = Temporary.file(dir, "build", ".tmp");
        assertTrue(Files.isRegularFile(file) && Files.size(file) == 0);
        assertTrue(file.getFileName().toString().matches("build[0-9a-z]+\\.tmp"));
    }

    /** Not rwx------ / rw------- as the JDK's temporary files: a staging folder becomes the site, a file an article. */
    @Test
    void permissionsAreThoseOfAnyNewFileThere(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals(Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("plain"))),
                Files.getPosixFilePermissions(Temporary.folder(dir, "staging-")));
        assertEquals(Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.md"))),
                Files.getPosixFilePermissions(Temporary.file(dir, ".article.md", ".tmp")));
    }
}
