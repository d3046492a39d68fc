package org.tolk.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tolk.check.Problem;
import org.tolk.check.Severity;
import org.tolk.content.Article;
import org.tolk.content.Body;
import org.tolk.content.FileState;
import org.tolk.content.Position;
import org.tolk.content.ReadCache;
import org.tolk.content.Source;
import org.tolk.render.FeedBodies;

/**
 * Reads and writes {@link BuildCache.Snapshot}s as {@code .tolk/cache/build-OUTPUT.bin}: a plain binary format
 * of its own (the records hold Optionals, which Java serialization refuses), versioned, written to a
 * temporary file and moved into place so that a killed build never leaves half a cache. An unreadable
 * or outdated cache is ignored: the build is then a clean one.
 */
public final class CacheFile {
    private static final int MAGIC = 0x544f4c4b; // "TOLK"
    private static final int FORMAT = 6;

    private CacheFile() {
    }

    /** One cache per output folder: a build into another folder (a staging copy, a test) must not spoil it. */
    public static Path location(Path siteRoot, Path output) {
        String key = Long.toHexString(org.tolk.render.Fingerprint.of(0, output.toAbsolutePath().normalize().toString()));
        return siteRoot.resolve(".tolk").resolve("cache").resolve("build-" + key + ".bin");
    }

    /**
     * The snapshot this JVM last loaded or saved, with the identity of its file then. The build daemon runs
     * build after build in one JVM: when the file is still the one it wrote (a cache file is always replaced
     * by a new one, so a new file is a new inode), decoding it again (0.2–0.5 s at 10,000 stories) is skipped.
     */
    private static volatile Remembered remembered;

    private record Remembered(Path file, Object fileKey, long size, long modifiedNanos, Path siteRoot, String tolkVersion,
                              BuildCache.Snapshot snapshot) {
        static Remembered of(Path file, Path siteRoot, String tolkVersion, BuildCache.Snapshot snapshot) throws IOException {
            var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return new Remembered(file.toAbsolutePath(), attributes.fileKey(), attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), siteRoot, tolkVersion, snapshot);
        }

        boolean describes(Remembered other) {
            return fileKey != null && file.equals(other.file) && fileKey.equals(other.fileKey) && size == other.size
                    && modifiedNanos == other.modifiedNanos && siteRoot.equals(other.siteRoot) && tolkVersion.equals(other.tolkVersion);
        }
    }

    public static BuildCache.Snapshot load(Path file, Path siteRoot, String tolkVersion) {
        if (!Files.isRegularFile(file)) {
            return BuildCache.Snapshot.EMPTY;
        }
        Remembered known = remembered;
        try {
            if (known != null && known.describes(Remembered.of(file, siteRoot, tolkVersion, null))) {
                return known.snapshot();
            }
        } catch (IOException e) {
            return BuildCache.Snapshot.EMPTY;
        }
        BuildCache.Snapshot snapshot = decode(file, siteRoot, tolkVersion);
        try {
            remembered = snapshot == BuildCache.Snapshot.EMPTY ? null : Remembered.of(file, siteRoot, tolkVersion, snapshot);
        } catch (IOException e) {
            remembered = null;
        }
        return snapshot;
    }

    private static BuildCache.Snapshot decode(Path file, Path siteRoot, String tolkVersion) {
        try {
            Decoder in = new Decoder(Files.readAllBytes(file));
            Header header = header(in, tolkVersion);
            if (header == null) {
                return BuildCache.Snapshot.EMPTY;
            }
            long writtenAt = header.writtenAtMillis();
            String output = header.output();
            BuildCache.Basis basis = new BuildCache.Basis(in.readLong(), in.readLong(),
                    java.time.Instant.ofEpochSecond(in.readLong(), in.readInt()));
            int readCount = in.readInt();
            Map<String, BuildCache.FileRead> reads = new HashMap<>(readCount * 4 / 3 + 1);
            for (int i = 0; i < readCount; i++) {
                String path = in.readText();
                FileState state = new FileState(in.readLong(), in.readLong());
                Optional<Article> article = in.readBoolean() ? Optional.of(readArticle(in, siteRoot)) : Optional.empty();
                int problemCount = in.readInt();
                List<Problem> problems = problemCount == 0 ? List.of() : new ArrayList<>(problemCount);
                for (int p = 0; p < problemCount; p++) {
                    problems.add(new Problem(in.readText(), in.readInt(), in.readInt(), Severity.valueOf(in.readSymbol()), in.readText()));
                }
                reads.put(path, new BuildCache.FileRead(state, new ReadCache.Read(article, List.copyOf(problems))));
            }
            String outputState = in.readText();
            int pageCount = in.readInt();
            Map<String, Long> pages = new HashMap<>(pageCount * 4 / 3 + 1);
            for (int i = 0; i < pageCount; i++) {
                pages.put(in.readText(), in.readLong());
            }
            int lookupCount = in.readInt();
            Map<String, List<String>> lookups = new HashMap<>(lookupCount * 4 / 3 + 1);
            for (int i = 0; i < lookupCount; i++) {
                lookups.put(in.readText(), strings(in));
            }
            int bodyCount = in.readInt();
            Map<Long, byte[]> feedBodies = new HashMap<>(bodyCount * 4 / 3 + 1);
            for (int i = 0; i < bodyCount; i++) {
                feedBodies.put(in.readLong(), in.readBytes());
            }
            if (!in.atEnd()) {
                return BuildCache.Snapshot.EMPTY;
            }
            return new BuildCache.Snapshot(reads, pages, lookups, writtenAt, output, outputState, basis, FeedBodies.ofUtf8(feedBodies));
        } catch (IOException | RuntimeException e) {
            // A cache from another version, or damaged: build from scratch.
            return BuildCache.Snapshot.EMPTY;
        }
    }

    public static void save(Path file, BuildCache.Snapshot snapshot, String tolkVersion) throws IOException {
        try (Writing writing = new Writing(file, snapshot, tolkVersion)) {
            writing.finish(snapshot);
        }
    }

    /**
     * A cache file being written in two parts: the files read, on a thread of its own as soon as content has
     * been read (at 10,000 stories that is most of the file, and writing it takes as long as rendering a few
     * pages), then the pages' fingerprints once the build is done. Closed without {@link #finish}, it leaves
     * nothing behind.
     */
    public static final class Writing implements AutoCloseable {
        private final Path file;
        private final Path siteRoot;
        private final String tolkVersion;
        private final Path temporary;
        private final Encoder out;
        private final java.util.concurrent.CompletableFuture<Void> reads;
        /** The folders (.tolk/, .tolk/cache/) made for the file, innermost first: a build that fails leaves none behind. */
        private final List<Path> madeFolders = new ArrayList<>();
        private boolean finished;

        /** Starts writing {@code snapshot}'s header and reads (its pages, lookups and feed bodies are not looked at). */
        public Writing(Path file, BuildCache.Snapshot snapshot, String tolkVersion) throws IOException {
            this(file, null, snapshot, tolkVersion);
        }

        /**
         * The same, for the build of the site at {@code siteRoot}: once saved, the snapshot is also kept in
         * memory for the next build in this JVM (see {@link #remembered}).
         */
        public Writing(Path file, Path siteRoot, BuildCache.Snapshot snapshot, String tolkVersion) throws IOException {
            this.file = file;
            this.siteRoot = siteRoot;
            this.tolkVersion = tolkVersion;
            for (Path folder = file.getParent(); folder != null && !Files.isDirectory(folder); folder = folder.getParent()) {
                madeFolders.add(folder);
            }
            Files.createDirectories(file.getParent());
            this.temporary = org.tolk.output.Temporary.file(file.getParent(), "build", ".tmp");
            this.out = new Encoder(Files.newOutputStream(temporary));
            this.reads = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    writeReads(out, snapshot, tolkVersion);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, task -> {
                Thread thread = new Thread(task, "tolk-cache");
                thread.setDaemon(true);
                thread.start();
            });
        }

        /** Writes the output folder's state, the pages, lookups and feed bodies of {@code snapshot} after the reads and puts the file in place. */
        public void finish(BuildCache.Snapshot snapshot) throws IOException {
            awaitReads();
            // Known only once the output is in place, so written here rather than in the header.
            out.writeText(snapshot.outputState());
            out.writeInt(snapshot.pages().size());
            for (var entry : snapshot.pages().entrySet()) {
                out.writeText(entry.getKey());
                out.writeLong(entry.getValue());
            }
            out.writeInt(snapshot.lookups().size());
            for (var entry : snapshot.lookups().entrySet()) {
                out.writeText(entry.getKey());
                strings(out, entry.getValue());
            }
            out.writeInt(snapshot.feedBodies().keys().size());
            for (long key : snapshot.feedBodies().keys()) {
                out.writeLong(key);
                out.writeBytes(snapshot.feedBodies().utf8(key));
            }
            out.close();
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            finished = true;
            try {
                remembered = siteRoot == null ? null : Remembered.of(file, siteRoot, tolkVersion, snapshot);
            } catch (IOException e) {
                remembered = null;
            }
            pruneOthers(file, tolkVersion);
        }

        private void awaitReads() throws IOException {
            try {
                reads.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                try {
                    awaitReads();
                } catch (IOException | RuntimeException e) {
                    // being thrown away anyway
                }
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(temporary);
                    for (Path folder : madeFolders) {
                        try {
                            Files.deleteIfExists(folder);
                        } catch (java.nio.file.DirectoryNotEmptyException e) {
                            break;   // something else was put there meanwhile: not ours to delete
                        }
                    }
                }
            }
        }
    }

    private static final java.util.regex.Pattern CACHE_NAME = java.util.regex.Pattern.compile("build-[0-9a-f]{1,16}\\.bin");
    private static final java.util.regex.Pattern TEMPORARY_NAME = java.util.regex.Pattern.compile("build[0-9]+\\.tmp");
    /** A temporary cache file this old was left by a killed build, not one being written now. */
    private static final long ABANDONED_MILLIS = 60 * 60 * 1000L;

    /**
     * Deletes the caches beside {@code kept} that no build can use any more: those of output folders that
     * are gone (a build into a temporary folder leaves one, of some 30 MB at 10,000 stories), those an
     * older Tolk wrote, and temporary files of killed builds. Only files with the names Tolk gives them.
     * Tidying is a courtesy: a file it cannot read or delete is left alone.
     */
    static void pruneOthers(Path kept, String tolkVersion) {
        try (java.util.stream.Stream<Path> files = Files.list(kept.getParent())) {
            for (Path other : files.toList()) {
                String name = other.getFileName().toString();
                try {
                    if (CACHE_NAME.matcher(name).matches() && !other.equals(kept) && !usable(other, tolkVersion)) {
                        Files.deleteIfExists(other);
                    } else if (TEMPORARY_NAME.matcher(name).matches()
                            && Files.getLastModifiedTime(other).toMillis() < System.currentTimeMillis() - ABANDONED_MILLIS) {
                        Files.deleteIfExists(other);
                    }
                } catch (IOException e) {
                    // left for another time
                }
            }
        } catch (IOException e) {
            // left for another time
        }
    }

    /** Whether a cache file is of this Tolk and describes an output folder that still exists. */
    private static boolean usable(Path file, String tolkVersion) throws IOException {
        byte[] head = new byte[4096];
        int length;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        try {
            Header header = header(new Decoder(java.util.Arrays.copyOf(head, length)), tolkVersion);
            return header != null && Files.isDirectory(Path.of(header.output()));
        } catch (IOException | RuntimeException e) {
            return false;   // damaged, or a header longer than any Tolk writes
        }
    }

    /** What a cache file starts with (after its format and Tolk's version): when it was written, for which output. */
    private record Header(long writtenAtMillis, String output) {
    }

    /** The header of a cache in this format by this Tolk, or null if it is another's. */
    private static Header header(Decoder in, String tolkVersion) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readText().equals(tolkVersion)) {
            return null;
        }
        return new Header(in.readLong(), in.readText());
    }

    private static void writeReads(Encoder out, BuildCache.Snapshot snapshot, String tolkVersion) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeText(tolkVersion);
        out.writeLong(snapshot.writtenAtMillis());
        out.writeText(snapshot.output());
        out.writeLong(snapshot.basis().global());
        out.writeLong(snapshot.basis().layout());
        out.writeLong(snapshot.basis().now().getEpochSecond());
        out.writeInt(snapshot.basis().now().getNano());
        out.writeInt(snapshot.reads().size());
        for (var entry : snapshot.reads().entrySet()) {
            out.writeText(entry.getKey());
            out.writeLong(entry.getValue().state().size());
            out.writeLong(entry.getValue().state().modifiedMillis());
            Optional<Article> article = entry.getValue().read().article();
            out.writeBoolean(article.isPresent());
            if (article.isPresent()) {
                writeArticle(out, article.get());
            }
            List<Problem> problems = entry.getValue().read().problems();
            out.writeInt(problems.size());
            for (Problem problem : problems) {
                out.writeText(problem.path());
                out.writeInt(problem.line());
                out.writeInt(problem.column());
                out.writeSymbol(problem.severity().name());
                out.writeText(problem.message());
            }
        }
    }

    private static void writeArticle(Encoder out, Article a) throws IOException {
        out.writeText(a.sourcePath());
        out.writeText(a.contentPath());
        out.writeSymbol(a.language());
        out.writeText(a.title());
        time(out, a.date());
        out.writeBoolean(a.updated().isPresent());
        if (a.updated().isPresent()) {
            time(out, a.updated().get());
        }
        symbols(out, a.topics());
        out.writeText(a.translationKey());
        out.writeText(a.slug());
        out.writeText(a.summary());
        symbols(out, a.authors());
        symbols(out, a.translators());
        out.writeBoolean(a.source().isPresent());
        if (a.source().isPresent()) {
            Source s = a.source().get();
            out.writeSymbol(s.name());
            out.writeText(s.url());
            out.writeSymbol(s.language());
            out.writeBoolean(s.published().isPresent());
            if (s.published().isPresent()) {
                time(out, s.published().get());
            }
        }
        out.writeBoolean(a.draft());
        out.writeText(a.image());
        out.writeText(a.translatedFrom());
        value(out, a.extra());
        out.writeInt(a.bodyLine());
        out.writeInt(a.positions().size());
        for (var entry : a.positions().entrySet()) {
            out.writeSymbol(entry.getKey());
            out.writeInt(entry.getValue().line());
            out.writeInt(entry.getValue().column());
        }
    }

    @SuppressWarnings("unchecked")
    private static Article readArticle(Decoder in, Path siteRoot) throws IOException {
        String sourcePath = in.readText();
        String contentPath = in.readText();
        String language = in.readSymbol();
        String title = in.readText();
        ZonedDateTime date = time(in);
        Optional<ZonedDateTime> updated = in.readBoolean() ? Optional.of(time(in)) : Optional.empty();
        List<String> topics = symbols(in);
        String translationKey = in.readText();
        String slug = in.readText();
        String summary = in.readText();
        List<String> authors = symbols(in);
        List<String> translators = symbols(in);
        Optional<Source> source = Optional.empty();
        if (in.readBoolean()) {
            String name = in.readSymbol();
            String url = in.readText();
            String sourceLanguage = in.readSymbol();
            Optional<ZonedDateTime> published = in.readBoolean() ? Optional.of(time(in)) : Optional.empty();
            source = Optional.of(new Source(name, url, sourceLanguage, published));
        }
        boolean draft = in.readBoolean();
        String image = in.readText();
        String translatedFrom = in.readText();
        Map<String, Object> extra = (Map<String, Object>) value(in);
        int bodyLine = in.readInt();
        int positionCount = in.readInt();
        @SuppressWarnings("rawtypes")
        Map.Entry[] positions = new Map.Entry[positionCount];
        for (int i = 0; i < positionCount; i++) {
            positions[i] = Map.entry(in.readSymbol(), new Position(in.readInt(), in.readInt()));
        }
        return new Article(sourcePath, contentPath, language, title, date, updated, topics, translationKey,
                slug, summary, authors, translators, source, draft, image, translatedFrom, extra,
                Body.inFile(siteRoot.resolve(sourcePath)), bodyLine, Map.ofEntries(positions));
    }

    /**
     * A moment with its zone, as numbers and the zone's id: parsing ISO text back was a fifth of loading
     * the cache. The zone id keeps regions (Europe/Amsterdam) apart from bare offsets, as toString does.
     */
    private static void time(Encoder out, ZonedDateTime time) throws IOException {
        out.writeLong(time.toEpochSecond());
        out.writeInt(time.getNano());
        out.writeSymbol(time.getZone().getId());
    }

    private static final Map<String, java.time.ZoneId> ZONES = new java.util.concurrent.ConcurrentHashMap<>();

    private static ZonedDateTime time(Decoder in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        java.time.ZoneId zone = ZONES.computeIfAbsent(in.readSymbol(), java.time.ZoneId::of);
        return ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos), zone);
    }

    private static void strings(Encoder out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            out.writeText(s);
        }
    }

    private static List<String> strings(Decoder in) throws IOException {
        int size = in.readInt();
        String[] array = new String[size];
        for (int i = 0; i < size; i++) {
            array[i] = in.readText();
        }
        return List.of(array);
    }

    /** Lists of values that repeat from article to article (topics, authors): kept once, see {@link Encoder#writeSymbol}. */
    private static void symbols(Encoder out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            out.writeSymbol(s);
        }
    }

    private static List<String> symbols(Decoder in) throws IOException {
        int size = in.readInt();
        if (size == 0) {
            return List.of();
        }
        String[] array = new String[size];
        for (int i = 0; i < size; i++) {
            array[i] = in.readSymbol();
        }
        return List.of(array);
    }

    /** The free-form {@code extra:} values: null, text, lists and maps of them. */
    private static void value(Encoder out, Object value) throws IOException {
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('M');
            out.writeInt(map.size());
            for (var entry : map.entrySet()) {
                out.writeText(String.valueOf(entry.getKey()));
                value(out, entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            out.writeByte('L');
            out.writeInt(list.size());
            for (Object item : list) {
                value(out, item);
            }
        } else {
            out.writeByte('S');
            out.writeText(value.toString());
        }
    }

    private static Object value(Decoder in) throws IOException {
        switch (in.readByte()) {
            case 'N':
                return null;
            case 'M': {
                int size = in.readInt();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(in.readText(), value(in));
                }
                return map;
            }
            case 'L': {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(value(in));
                }
                return list;
            }
            case 'S':
                return in.readText();
            default:
                throw new IOException("damaged cache");
        }
    }

    /**
     * Writes numbers big-endian and texts as their UTF-8 length and bytes. Short texts that repeat across
     * articles (languages, topics, names, zones, front-matter field names) are written once and then by
     * number, so that loading the cache of 20,000 articles decodes and allocates them once.
     */
    private static final class Encoder {
        private final java.io.OutputStream out;
        // Its own buffer: DataOutputStream over a BufferedOutputStream takes a lock for every byte of a number.
        private final byte[] buffer = new byte[1 << 16];
        private int used;
        private final Map<String, Integer> symbols = new HashMap<>();

        Encoder(java.io.OutputStream out) {
            this.out = out;
        }

        void writeInt(int value) throws IOException {
            room(4);
            buffer[used] = (byte) (value >>> 24);
            buffer[used + 1] = (byte) (value >>> 16);
            buffer[used + 2] = (byte) (value >>> 8);
            buffer[used + 3] = (byte) value;
            used += 4;
        }

        void writeLong(long value) throws IOException {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void writeBoolean(boolean value) throws IOException {
            writeByte(value ? 1 : 0);
        }

        void writeByte(int value) throws IOException {
            room(1);
            buffer[used++] = (byte) value;
        }

        void writeText(String text) throws IOException {
            writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void writeBytes(byte[] bytes) throws IOException {
            writeInt(bytes.length);
            if (bytes.length > buffer.length - used) {
                flush();
                out.write(bytes);
            } else {
                System.arraycopy(bytes, 0, buffer, used, bytes.length);
                used += bytes.length;
            }
        }

        /** A repeating text: 0 and the text the first time, then its number (from 1). */
        void writeSymbol(String text) throws IOException {
            Integer number = symbols.get(text);
            if (number != null) {
                writeInt(number);
            } else {
                symbols.put(text, symbols.size() + 1);
                writeInt(0);
                writeText(text);
            }
        }

        private void room(int bytes) throws IOException {
            if (buffer.length - used < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            out.write(buffer, 0, used);
            used = 0;
        }

        void close() throws IOException {
            try {
                flush();
            } finally {
                out.close();
            }
        }
    }

    /** Reads what {@link Encoder} wrote, from the whole file in memory. */
    private static final class Decoder {
        private final byte[] bytes;
        private int at;
        private final List<String> symbols = new ArrayList<>();

        Decoder(byte[] bytes) {
            this.bytes = bytes;
        }

        int readInt() throws IOException {
            need(4);
            int value = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | (bytes[at + 3] & 0xff);
            at += 4;
            return value;
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | (readInt() & 0xffffffffL);
        }

        boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        byte readByte() throws IOException {
            need(1);
            return bytes[at++];
        }

        byte[] readBytes() throws IOException {
            int length = readInt();
            if (length < 0) {
                throw new IOException("damaged cache");
            }
            need(length);
            byte[] read = java.util.Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return read;
        }

        String readText() throws IOException {
            int length = readInt();
            if (length < 0) {
                throw new IOException("damaged cache");
            }
            need(length);
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        String readSymbol() throws IOException {
            int number = readInt();
            if (number == 0) {
                String text = readText();
                symbols.add(text);
                return text;
            }
            if (number < 0 || number > symbols.size()) {
                throw new IOException("damaged cache");
            }
            return symbols.get(number - 1);
        }

        boolean atEnd() {
            return at == bytes.length;
        }

        private void need(int count) throws IOException {
            if (count > bytes.length - at) {
                throw new IOException("damaged cache");
            }
        }
    }
}
