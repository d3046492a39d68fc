package org.tolk.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

/**
 * Reads and writes {@link BuildCache.Snapshot}s as {@code .tolk/cache/build-OUTPUT.bin}: a plain binary format
 * of its own (the records hold Optionals, which Java serialization refuses), versioned, written to a
 * temporary file and moved into place so that a killed build never leaves half a cache. An unreadable
 * or outdated cache is ignored: the build is then a clean one.
 */
public final class CacheFile {
    private static final int MAGIC = 0x544f4c4b; // "TOLK"
    private static final int FORMAT = 2;

    private CacheFile() {
    }

    /** One cache per output folder: a build into another folder (a staging copy, a test) must not spoil it. */
    public static Path location(Path siteRoot, Path output) {
        String key = Long.toHexString(org.tolk.render.Fingerprint.of(0, output.toAbsolutePath().normalize().toString()));
        return siteRoot.resolve(".tolk").resolve("cache").resolve("build-" + key + ".bin");
    }

    public static BuildCache.Snapshot load(Path file, Path siteRoot, String tolkVersion) {
        if (!Files.isRegularFile(file)) {
            return BuildCache.Snapshot.EMPTY;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(tolkVersion)) {
                return BuildCache.Snapshot.EMPTY;
            }
            long writtenAt = in.readLong();
            String output = in.readUTF();
            int readCount = in.readInt();
            Map<String, BuildCache.FileRead> reads = new HashMap<>(readCount * 2);
            for (int i = 0; i < readCount; i++) {
                String path = in.readUTF();
                FileState state = new FileState(in.readLong(), in.readLong());
                Optional<Article> article = in.readBoolean() ? Optional.of(readArticle(in, siteRoot)) : Optional.empty();
                int problemCount = in.readInt();
                List<Problem> problems = new ArrayList<>(problemCount);
                for (int p = 0; p < problemCount; p++) {
                    problems.add(new Problem(in.readUTF(), in.readInt(), in.readInt(), Severity.valueOf(in.readUTF()), text(in)));
                }
                reads.put(path, new BuildCache.FileRead(state, new ReadCache.Read(article, List.copyOf(problems))));
            }
            int pageCount = in.readInt();
            Map<String, Long> pages = new HashMap<>(pageCount * 2);
            for (int i = 0; i < pageCount; i++) {
                pages.put(in.readUTF(), in.readLong());
            }
            int lookupCount = in.readInt();
            Map<String, List<String>> lookups = new HashMap<>(lookupCount * 2);
            for (int i = 0; i < lookupCount; i++) {
                lookups.put(in.readUTF(), strings(in));
            }
            return new BuildCache.Snapshot(reads, pages, lookups, writtenAt, output);
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
        private final Path temporary;
        private final DataOutputStream out;
        private final java.util.concurrent.CompletableFuture<Void> reads;
        private boolean finished;

        /** Starts writing {@code snapshot}'s header and reads (its pages and lookups are not looked at). */
        public Writing(Path file, BuildCache.Snapshot snapshot, String tolkVersion) throws IOException {
            this.file = file;
            Files.createDirectories(file.getParent());
            this.temporary = Files.createTempFile(file.getParent(), "build", ".tmp");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16));
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

        /** Writes the pages and lookups of {@code snapshot} after the reads and puts the file in place. */
        public void finish(BuildCache.Snapshot snapshot) throws IOException {
            awaitReads();
            out.writeInt(snapshot.pages().size());
            for (var entry : snapshot.pages().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeLong(entry.getValue());
            }
            out.writeInt(snapshot.lookups().size());
            for (var entry : snapshot.lookups().entrySet()) {
                out.writeUTF(entry.getKey());
                strings(out, entry.getValue());
            }
            out.close();
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            finished = true;
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
                out.close();
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void writeReads(DataOutputStream out, BuildCache.Snapshot snapshot, String tolkVersion) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(tolkVersion);
        out.writeLong(snapshot.writtenAtMillis());
        out.writeUTF(snapshot.output());
        out.writeInt(snapshot.reads().size());
        for (var entry : snapshot.reads().entrySet()) {
            out.writeUTF(entry.getKey());
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
                out.writeUTF(problem.path());
                out.writeInt(problem.line());
                out.writeInt(problem.column());
                out.writeUTF(problem.severity().name());
                text(out, problem.message());
            }
        }
    }

    private static void writeArticle(DataOutputStream out, Article a) throws IOException {
        out.writeUTF(a.sourcePath());
        out.writeUTF(a.contentPath());
        out.writeUTF(a.language());
        text(out, a.title());
        time(out, a.date());
        out.writeBoolean(a.updated().isPresent());
        if (a.updated().isPresent()) {
            time(out, a.updated().get());
        }
        strings(out, a.topics());
        text(out, a.translationKey());
        text(out, a.slug());
        text(out, a.summary());
        strings(out, a.authors());
        strings(out, a.translators());
        out.writeBoolean(a.source().isPresent());
        if (a.source().isPresent()) {
            Source s = a.source().get();
            text(out, s.name());
            text(out, s.url());
            text(out, s.language());
            out.writeUTF(s.published().map(ZonedDateTime::toString).orElse(""));
        }
        out.writeBoolean(a.draft());
        text(out, a.image());
        text(out, a.translatedFrom());
        value(out, a.extra());
        out.writeInt(a.bodyLine());
        out.writeInt(a.positions().size());
        for (var entry : a.positions().entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().line());
            out.writeInt(entry.getValue().column());
        }
    }

    @SuppressWarnings("unchecked")
    private static Article readArticle(DataInputStream in, Path siteRoot) throws IOException {
        String sourcePath = in.readUTF();
        String contentPath = in.readUTF();
        String language = in.readUTF();
        String title = text(in);
        ZonedDateTime date = time(in);
        Optional<ZonedDateTime> updated = in.readBoolean() ? Optional.of(time(in)) : Optional.empty();
        List<String> topics = strings(in);
        String translationKey = text(in);
        String slug = text(in);
        String summary = text(in);
        List<String> authors = strings(in);
        List<String> translators = strings(in);
        Optional<Source> source = Optional.empty();
        if (in.readBoolean()) {
            String name = text(in);
            String url = text(in);
            String sourceLanguage = text(in);
            String published = in.readUTF();
            source = Optional.of(new Source(name, url, sourceLanguage,
                    published.isEmpty() ? Optional.empty() : Optional.of(ZonedDateTime.parse(published))));
        }
        boolean draft = in.readBoolean();
        String image = text(in);
        String translatedFrom = text(in);
        Map<String, Object> extra = (Map<String, Object>) value(in);
        int bodyLine = in.readInt();
        int positionCount = in.readInt();
        Map<String, Position> positions = new LinkedHashMap<>();
        for (int i = 0; i < positionCount; i++) {
            positions.put(in.readUTF(), new Position(in.readInt(), in.readInt()));
        }
        return new Article(sourcePath, contentPath, language, title, date, updated, topics, translationKey,
                slug, summary, authors, translators, source, draft, image, translatedFrom, extra,
                Body.inFile(siteRoot.resolve(sourcePath)), bodyLine, Map.copyOf(positions));
    }

    /**
     * A moment with its zone, as numbers and the zone's id: parsing ISO text back was a fifth of loading
     * the cache. The zone id keeps regions (Europe/Amsterdam) apart from bare offsets, as toString does.
     */
    private static void time(DataOutputStream out, ZonedDateTime time) throws IOException {
        out.writeLong(time.toEpochSecond());
        out.writeInt(time.getNano());
        out.writeUTF(time.getZone().getId());
    }

    private static final Map<String, java.time.ZoneId> ZONES = new java.util.concurrent.ConcurrentHashMap<>();

    private static ZonedDateTime time(DataInputStream in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        java.time.ZoneId zone = ZONES.computeIfAbsent(in.readUTF(), java.time.ZoneId::of);
        return ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos), zone);
    }

    /** Texts of any length (writeUTF stops at 64 KiB). */
    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            text(out, s);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<String> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(text(in));
        }
        return List.copyOf(list);
    }

    /** The free-form {@code extra:} values: null, text, lists and maps of them. */
    private static void value(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('M');
            out.writeInt(map.size());
            for (var entry : map.entrySet()) {
                text(out, String.valueOf(entry.getKey()));
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
            text(out, value.toString());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        switch (in.readByte()) {
            case 'N':
                return null;
            case 'M': {
                int size = in.readInt();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(text(in), value(in));
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
                return text(in);
            default:
                throw new IOException("damaged cache");
        }
    }
}
