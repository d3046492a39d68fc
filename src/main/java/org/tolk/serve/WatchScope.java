package org.tolk.serve;

import java.nio.file.Path;
import java.util.List;

import org.tolk.config.ConfigLoader;

/**
 * Which files a rebuild depends on: {@code site.yaml}, everything under {@code content/} and under
 * {@code templates/} (which holds {@code templates/assets/}). Editor leftovers are not: swap files, backups,
 * lock files and the temporary files that editors write before renaming them over the real one. The rename
 * itself is seen as a change of the real file, so an atomic save triggers exactly one rebuild.
 */
final class WatchScope {
    private final Path root;
    private final Path siteYaml;
    private final List<Path> folders;

    WatchScope(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.siteYaml = this.root.resolve(ConfigLoader.FILE_NAME);
        this.folders = List.of(this.root.resolve("content"), this.root.resolve("templates"));
    }

    Path root() {
        return root;
    }

    /** content/ and templates/, watched with everything below them. */
    List<Path> folders() {
        return folders;
    }

    /** Whether a change of {@code path} (absolute) can change the site. */
    boolean relevant(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (p.equals(siteYaml)) {
            return true;
        }
        for (Path folder : folders) {
            if (p.equals(folder)) {
                return true;
            }
            if (p.startsWith(folder)) {
                for (Path part : folder.relativize(p)) {
                    if (part.toString().startsWith(".")) {
                        return false;   // .git, .DS_Store, .#lock files, editor state: never content
                    }
                }
                return !isEditorLeftover(p.getFileName().toString());
            }
        }
        return false;
    }

    /**
     * Files that editors write beside the one being edited: vim's swap files and its {@code 4913} write test,
     * backups ({@code ~}), emacs's {@code #autosave#}, JetBrains' {@code ___jb_tmp___}, Chrome's {@code .crswap},
     * and generic {@code .tmp} files. Tolk's content reader skips the same names.
     */
    static boolean isEditorLeftover(String name) {
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".swo")
                || name.endsWith(".tmp") || name.endsWith(".crswap") || name.endsWith(".kate-swp")
                || name.startsWith("#") || name.equals("4913") || name.endsWith("___jb_tmp___")
                || name.endsWith("___jb_old___");
    }
}
