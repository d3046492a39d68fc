package org.tolk.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes a build into a staging folder beside the output folder, and puts it in place only when the whole
 * build succeeded, so that a failed or killed build leaves the published site exactly as it was.
 *
 * <p>Two ways to put it in place, chosen at {@link #commit}: a build that wrote most files anew is swapped
 * in whole (the files it kept are hard-linked into the staging folder, which then replaces the output
 * folder with one rename). A build that kept most files (a rebuild after an edit) moves just its new files
 * in and deletes those no longer produced, after recording that list as a journal in the staging folder:
 * the journal is the moment of commit, and a run interrupted while moving is finished by the next one
 * (roll forward), so the output is the old site or the new one, never a mix that stays. Linking 20,000 kept
 * files to change ten would cost a rebuild more than everything else together.
 *
 * <p>Ownership: the output folder carries a manifest ({@value #MANIFEST}) listing every file Tolk wrote
 * there. Tolk replaces an output folder only if it holds nothing but those files; a folder with anything
 * else in it (or the site's own content, templates or root) is refused unless forced, because Tolk never
 * deletes what it did not create.
 */
public final class StagedOutput implements PageSink, AutoCloseable {
    public static final String MANIFEST = ".tolk-manifest";
    private static final String STAGING_PREFIX = ".tolk-staging-";
    private static final String OLD_PREFIX = ".tolk-old-";
    /** In a staging folder: the moves and deletions of an update in place, written when it is committed. */
    private static final String JOURNAL = ".tolk-journal";

    private final Path output;
    private final Path staging;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** Files of the output folder kept as they are (a subset of {@link #written}). */
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    private final Map<Path, Boolean> createdFolders = new ConcurrentHashMap<>();
    private final Set<String> previousFiles;
    private boolean committed;
    private final boolean replaceWhole;
    private final Set<String> present;

    private StagedOutput(Path output, Path staging, Set<String> previousFiles, boolean replaceWhole, Set<String> present) {
        this.present = present;
        this.replaceWhole = replaceWhole;
        this.output = output;
        this.staging = staging;
        this.previousFiles = previousFiles;
    }

    /**
     * The reasons why {@code output} may not be used as the output folder; empty if it may.
     *
     * @param siteRoot      the site's root: the output may be inside it ({@code site/}) but not be it or contain it
     * @param sourceFolders content/ and templates/: the output may be neither inside them nor contain them
     * @param force         use a folder that holds files Tolk did not create
     */
    public static List<String> refusals(Path output, Path siteRoot, List<Path> sourceFolders, boolean force) throws IOException {
        return refusals(output, siteRoot, sourceFolders, force, null);
    }

    /** What {@link #refusals} saw of an output folder, for {@link #open(Path, boolean, Listing)}: it need not look again. */
    public static final class Listing {
        private final Set<String> files = ConcurrentHashMap.newKeySet();
        /** The folder's manifest as the check read it (empty if it had none); null if the check did not get that far. */
        private volatile Set<String> manifest;
    }

    /**
     * As {@link #refusals(Path, Path, List, boolean)}, and if {@code found} is given, the files of the output
     * folder that the check listed (relative paths) and its manifest go into it, for {@link #open(Path, boolean, Listing)}.
     * A folder that may be used is first put right ({@link #recover}) so that it is looked over as it stands: a
     * killed update's new files are Tolk's own, not strangers.
     */
    public static List<String> refusals(Path output, Path siteRoot, List<Path> sourceFolders, boolean force,
                                        Listing found) throws IOException {
        List<String> reasons = new ArrayList<>();
        Path out = output.toAbsolutePath().normalize();
        Path root = siteRoot.toAbsolutePath().normalize();
        if (root.startsWith(out)) {
            reasons.add("the output folder " + output + " is the site's root or contains it; choose another --output (the default is site)");
        }
        for (Path folder : sourceFolders) {
            Path p = folder.toAbsolutePath().normalize();
            if (!root.startsWith(out) && (p.startsWith(out) || out.startsWith(p))) {
                reasons.add("the output folder " + output + " overlaps " + folder + "; choose another --output");
            }
        }
        if (out.getParent() == null) {
            reasons.add("the output folder cannot be the file system's root");
        }
        if (!reasons.isEmpty()) {
            return reasons;
        }
        recover(out);
        if (force || !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return reasons;
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            reasons.add("the output path " + output + " is a file, not a folder");
            return reasons;
        }
        Set<String> owned = readManifest(out).orElse(null);
        if (found != null) {
            found.manifest = owned == null ? Set.of() : owned;
        }
        List<String> strangers = new ArrayList<>();
        // One visit per file with the attributes the walk read anyway: an output of 23,000 files is looked at
        // on every build, so no second stat per file.
        Files.walkFileTree(out, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                String relative = out.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!relative.equals(MANIFEST) && (owned == null || !owned.contains(relative))) {
                    strangers.add(relative);
                }
                if (found != null && attrs.isRegularFile()) {
                    found.files.add(relative);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        strangers.sort(Comparator.naturalOrder());
        if (!strangers.isEmpty()) {
            reasons.add("the output folder " + output + " holds " + strangers.size() + " file(s) that Tolk did not create ("
                    + String.join(", ", strangers.subList(0, Math.min(5, strangers.size())))
                    + (strangers.size() > 5 ? ", …" : "") + "); Tolk replaces its output folder whole, so it refuses to"
                    + " delete them. Move them into content/ to publish them, or pass --force");
        }
        return reasons;
    }

    public static StagedOutput open(Path output) throws IOException {
        return open(output, false);
    }

    /**
     * @param replaceWhole always swap the whole output folder in, never update it in place: with --force, so
     *                     that files Tolk did not create are moved aside with the old output, as promised
     */
    public static StagedOutput open(Path output, boolean replaceWhole) throws IOException {
        return open(output, replaceWhole, null);
    }

    /**
     * @param listing the output folder as {@link #refusals(Path, Path, List, boolean, Listing)} just saw it, or
     *                null: then each file kept is looked up on disk (23,000 looks at 10,000 stories)
     */
    public static StagedOutput open(Path output, boolean replaceWhole, Listing listing) throws IOException {
        Path out = output.toAbsolutePath().normalize();
        Path parent = out.getParent();
        Files.createDirectories(parent);
        recover(out);
        Path staging = Temporary.folder(parent, STAGING_PREFIX + out.getFileName() + "-");
        Set<String> previous = listing != null && listing.manifest != null ? listing.manifest
                : Files.isDirectory(out) ? readManifest(out).orElse(Set.of()) : Set.of();
        return new StagedOutput(out, staging, previous, replaceWhole, listing == null ? null : listing.files);
    }

    @Override
    public void write(String relativePath, byte[] bytes) throws IOException {
        Path target = target(relativePath);
        Files.write(target, bytes);
    }

    @Override
    public void copy(String relativePath, Path source) throws IOException {
        Path target = target(relativePath);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Keeps a file of the current output. Nothing is copied now: {@link #commit} leaves it where it is, or
     * hard-links it into the staging folder if the build is swapped in whole.
     */
    @Override
    public boolean reuse(String relativePath) throws IOException {
        if (!previousFiles.contains(relativePath)) {
            return false;
        }
        if (keptAll && kept.contains(relativePath)) {
            return true;   // kept with all the others already
        }
        Path existing = output.resolve(relativePath).normalize();
        boolean there = present != null ? present.contains(relativePath) : Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS);
        if (!there || !existing.startsWith(output)) {
            return false;
        }
        if (!written.add(relativePath)) {
            throw new IOException("written twice: " + relativePath);
        }
        kept.add(relativePath);
        return true;
    }

    /**
     * Keeps {@code files}, if the previous build wrote all of them and all are still there as the output check
     * listed them; a page rendered afterwards replaces its kept file, and files of the previous build not named
     * go at {@link #commit} as usual. For a rebuild that knows the few pages it will write.
     */
    @Override
    public boolean reuseAll(java.util.Collection<String> files) {
        if (present == null) {
            return false;
        }
        for (String file : files) {
            if (!previousFiles.contains(file) || !present.contains(file) || !staysInside(file)) {
                return false;
            }
        }
        written.addAll(files);
        kept.addAll(files);
        keptAll = true;
        return true;
    }

    private volatile boolean keptAll;

    /** Whether a manifest's line names a file inside the output folder, as every line Tolk writes does. */
    private boolean staysInside(String relativePath) {
        if (!relativePath.contains("..") && !relativePath.startsWith("/") && !relativePath.contains("\\")) {
            return true;
        }
        Path existing = output.resolve(relativePath).normalize();
        return existing.startsWith(output) && !existing.equals(output);
    }

    private Path target(String relativePath) throws IOException {
        // A kept file (see reuseAll) may be replaced once by a rendering.
        if (!written.add(relativePath) && !(keptAll && kept.remove(relativePath))) {
            throw new IOException("written twice: " + relativePath);
        }
        return stagedPath(relativePath);
    }

    /** Where a file goes in the staging folder, its folder made. */
    private Path stagedPath(String relativePath) throws IOException {
        Path target = staging.resolve(relativePath).normalize();
        // Every path comes from Urls, which only builds safe ones; this is the last line of defence.
        if (!target.startsWith(staging) || target.equals(staging)) {
            throw new IOException("refusing to write outside the output folder: " + relativePath);
        }
        // computeIfAbsent holds back other threads writing into the same folder until it exists.
        createdFolders.computeIfAbsent(target.getParent(), folder -> {
            try {
                Files.createDirectories(folder);
                return Boolean.TRUE;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return target;
    }

    /**
     * Puts the staged build in place: in place if it kept most files, else swapped in whole (see the class
     * comment). A build that kept every file the folder holds, and wrote no other, leaves the folder untouched,
     * so that {@link #state} still names what the build cache describes.
     */
    public void commit() throws IOException {
        if (!replaceWhole && written.size() == kept.size() && previousFiles.size() == written.size()
                && previousFiles.containsAll(written) && Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(staging);
            committed = true;
            return;
        }
        List<String> files = new ArrayList<>(written);
        files.sort(Comparator.naturalOrder());
        Files.writeString(staging.resolve(MANIFEST), String.join("\n", files) + "\n", StandardCharsets.UTF_8);
        int anew = written.size() - kept.size();
        if (!replaceWhole && !kept.isEmpty() && anew <= written.size() / 4 && Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            updateInPlace();
        } else {
            swap();
        }
        committed = true;
    }

    /** Records the update as the staging folder's journal (the moment of commit), then carries it out. */
    private void updateInPlace() throws IOException {
        StringBuilder journal = new StringBuilder();
        written.stream().filter(f -> !kept.contains(f)).sorted().forEach(f -> journal.append('+').append(f).append('\n'));
        previousFiles.stream().filter(f -> !written.contains(f)).sorted().forEach(f -> journal.append('-').append(f).append('\n'));
        Path draft = staging.resolve(JOURNAL + ".tmp");
        Files.writeString(draft, journal, StandardCharsets.UTF_8);
        move(draft, staging.resolve(JOURNAL));
        applyJournal(staging, output);
    }

    /**
     * Carries out a committed update in place: moves the new files in, deletes the files no longer produced
     * (only ever files of the old manifest) and the folders they leave empty, puts the new manifest in place,
     * and removes the staging folder. Safe to run again after an interruption: what was done is skipped.
     */
    private static void applyJournal(Path staging, Path output) throws IOException {
        Set<Path> emptied = new HashSet<>();
        for (String line : Files.readAllLines(staging.resolve(JOURNAL), StandardCharsets.UTF_8)) {
            if (line.length() < 2) {
                continue;
            }
            Path target = output.resolve(line.substring(1)).normalize();
            if (!target.startsWith(output) || target.equals(output)) {
                throw new IOException("refusing to write outside the output folder: " + line.substring(1));
            }
            if (line.charAt(0) == '+') {
                Path source = staging.resolve(line.substring(1)).normalize();
                if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target.getParent());
                    moveReplacing(source, target);
                }
            } else if (line.charAt(0) == '-') {
                Files.deleteIfExists(target);
                emptied.add(target.getParent());
            }
        }
        Path manifest = staging.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            moveReplacing(manifest, output.resolve(MANIFEST));
        }
        for (Path folder : emptied) {
            for (Path f = folder; f != null && f.startsWith(output) && !f.equals(output); f = f.getParent()) {
                try {
                    Files.deleteIfExists(f);
                } catch (DirectoryNotEmptyException e) {
                    break;
                }
            }
        }
        deleteTree(staging);
    }

    /**
     * Which state of the output folder this is: every commit that changes it gives the folder a new time (the
     * manifest is moved into it) or makes it a new folder (a swap), so a build cache that recorded the state
     * after its build put the folder in place describes it only while the state is the same. Empty if there is
     * no folder.
     */
    public static String state(Path output) {
        try {
            var attributes = Files.readAttributes(output, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.fileKey() + "/" + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return "";
        }
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the staging folder the output folder. The old output is moved aside first and deleted after. */
    private void swap() throws IOException {
        // The kept files join the staging folder as hard links: no copying, and the swap stays one rename.
        kept.parallelStream().forEach(file -> {
            try {
                Path target = stagedPath(file);
                Path existing = output.resolve(file);
                try {
                    Files.createLink(target, existing);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(existing, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path old = null;
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            old = output.resolveSibling(OLD_PREFIX + output.getFileName() + "-" + Long.toHexString(System.nanoTime()));
            move(output, old);
        }
        move(staging, output);
        if (old != null) {
            deleteOwned(old, false);
        }
    }

    /** Throws the staging folder away; the output folder was never touched. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Finishes or throws away what a killed build left beside {@code out}: a swap half done is completed, an
     * update whose journal was written is rolled forward, other staging folders are deleted. Done before the
     * output folder is looked over ({@link #refusals}) and again, at no cost, when it is opened.
     */
    private static void recover(Path out) throws IOException {
        if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
            return;
        }
        recoverInterruptedSwap(out);
        cleanLeftovers(out.getParent(), out.getFileName().toString());
    }

    /**
     * If a previous run was killed between moving the old output aside and moving the new one in,
     * the output folder is missing and the old one is beside it: put it back.
     */
    private static void recoverInterruptedSwap(Path out) throws IOException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            Optional<Path> old = siblings.filter(p -> p.getFileName().toString().startsWith(OLD_PREFIX + out.getFileName() + "-"))
                    .max(Comparator.comparing(Path::toString));
            if (old.isPresent()) {
                move(old.get(), out);
            }
        }
    }

    /**
     * Staging folders of killed builds: only Tolk makes folders with these names, and only beside its output.
     * One with a journal was committed, and is finished; the others are thrown away.
     */
    private static void cleanLeftovers(Path parent, String outputName) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> siblings = Files.list(parent)) {
            leftovers = siblings.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(STAGING_PREFIX + outputName + "-") || name.startsWith(OLD_PREFIX + outputName + "-");
            }).toList();
        }
        for (Path leftover : leftovers) {
            if (Files.exists(leftover.resolve(JOURNAL)) && Files.isDirectory(parent.resolve(outputName))) {
                applyJournal(leftover, parent.resolve(outputName));
            } else {
                deleteOwned(leftover, leftover.getFileName().toString().startsWith(STAGING_PREFIX));
            }
        }
    }

    /** Deletes a folder that Tolk wrote: the files its manifest lists, then the folders they leave empty. */
    /**
     * @param staging whether the folder is a staging folder, which Tolk made and filled itself; otherwise it is
     *                an output folder moved aside, which may hold files Tolk did not create (--force moves them
     *                aside with it)
     */
    private static void deleteOwned(Path folder, boolean staging) throws IOException {
        Optional<Set<String>> manifest = readManifest(folder);
        if (manifest.isEmpty()) {
            if (staging) {
                // A staging folder without a manifest was never committed: all of it is Tolk's.
                deleteTree(folder);
            }
            // An output folder without a manifest was never Tolk's: nothing in it is deleted.
            return;
        }
        for (String file : manifest.get()) {
            Path p = folder.resolve(file).normalize();
            if (p.startsWith(folder)) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder.resolve(MANIFEST));
        deleteEmptyFolders(folder);
    }

    private static void deleteEmptyFolders(Path folder) throws IOException {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(folder)) {
            dirs = walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                // holds something Tolk did not write: leave it
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static Optional<Set<String>> readManifest(Path folder) throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        Set<String> files = new HashSet<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) files.add(line.strip());
        }
        return Optional.of(files);
    }
}
