package org.tolk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.check.Problem;
import org.tolk.content.Article;
import org.tolk.content.Body;
import org.tolk.content.FileState;
import org.tolk.content.Position;
import org.tolk.content.ReadCache;
import org.tolk.content.Source;
import org.tolk.render.FeedBodies;

/** The cache file gives back what was saved, and a damaged or foreign one counts as no cache. */
class CacheFileTest {
    @TempDir
    Path root;

    private static Article article(String sourcePath, String language, ZonedDateTime date, Optional<ZonedDateTime> updated,
                                   Optional<Source> source, Map<String, Object> extra) {
        return new Article(sourcePath, sourcePath.substring("content/".length()), language, "Tïtle “" + sourcePath + "”", date,
                updated, List.of("iran", "economy"), "key-" + sourcePath.hashCode(), "slug", "Samenvatting met ë en 😀",
                List.of("Lotte Hendriks"), List.of(), source, false, "", "", extra, Body.of("ignored"), 9,
                Map.of("title", new Position(2, 8), "topics[1]", new Position(5, 17), "date", new Position(3, 7)));
    }

    @Test
    void givesBackEverySavedFieldOfEveryRead() throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("note", "een");
        extra.put("list", Arrays.asList("a", null, Map.of("k", "v")));
        extra.put("none", null);
        Article full = article("content/2024/a.nl.md", "nl", ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 5, ZoneId.of("Europe/Amsterdam")),
                Optional.of(ZonedDateTime.of(2024, 4, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2))),
                Optional.of(new Source("Etemad", "https://example.org/e/1", "fa",
                        Optional.of(ZonedDateTime.of(2024, 3, 30, 8, 0, 0, 0, ZoneId.of("Asia/Tehran"))))), extra);
        Article plain = article("content/2024/a.en.md", "en", ZonedDateTime.of(2024, 3, 31, 9, 0, 0, 0, ZoneId.of("Europe/Amsterdam")),
                Optional.empty(), Optional.of(new Source("Etemad", "https://example.org/e/2", "fa", Optional.empty())), null);
        Map<String, BuildCache.FileRead> reads = new LinkedHashMap<>();
        reads.put(full.sourcePath(), new BuildCache.FileRead(new FileState(5617, 1_700_000_000_123L), new ReadCache.Read(Optional.of(full), List.of())));
        reads.put(plain.sourcePath(), new BuildCache.FileRead(new FileState(10, 1L),
                new ReadCache.Read(Optional.of(plain), List.of(Problem.warning(plain.sourcePath(), 4, 2, "a “warning”")))));
        reads.put("content/broken.nl.md", new BuildCache.FileRead(new FileState(3, 2L),
                new ReadCache.Read(Optional.empty(), List.of(Problem.error("content/broken.nl.md", 1, 1, "no title"),
                        Problem.error("content/broken.nl.md", 0, 0, "x".repeat(70_000))))));
        BuildCache.Snapshot saved = new BuildCache.Snapshot(reads, Map.of("nl/index.html", 42L, "en/index.html", -7L),
                Map.of("content/2024/a.nl.md", List.of("content/2024/a.en.md", "content/img.png")), 1_700_000_001_000L, "/out/site", "b1",
                new BuildCache.Basis(-5, 77, java.time.Instant.ofEpochSecond(1_700_000_000L, 123_456_789)),
                FeedBodies.ofUtf8(Map.of(-3L, "<p>Één “body”</p>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        8L, new byte[0])));
        for (String path : List.of(full.sourcePath(), plain.sourcePath())) {
            Files.createDirectories(root.resolve(path).getParent());
            Files.writeString(root.resolve(path), "---\ntitle: x\n---\nBody of " + path + "\n");
        }
        Path file = CacheFile.location(root, root.resolve("site"));

        CacheFile.save(file, saved, "1.2.3");
        BuildCache.Snapshot loaded = CacheFile.load(file, root, "1.2.3");

        assertEquals(saved.pages(), loaded.pages());
        assertEquals(saved.lookups(), loaded.lookups());
        assertEquals(saved.writtenAtMillis(), loaded.writtenAtMillis());
        assertEquals(saved.output(), loaded.output());
        assertEquals("b1", loaded.outputState());
        assertEquals(saved.basis(), loaded.basis());
        assertEquals(java.util.Set.of(-3L, 8L), loaded.feedBodies().keys());
        assertEquals("<p>Één “body”</p>\n", new String(loaded.feedBodies().utf8(-3L), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, loaded.feedBodies().utf8(8L).length);
        assertEquals(saved.reads().keySet(), loaded.reads().keySet());
        for (var entry : saved.reads().entrySet()) {
            BuildCache.FileRead before = entry.getValue();
            BuildCache.FileRead after = loaded.reads().get(entry.getKey());
            assertEquals(before.state(), after.state());
            assertEquals(before.read().problems(), after.read().problems());
            assertEquals(before.read().article().isPresent(), after.read().article().isPresent());
            before.read().article().ifPresent(a -> {
                Article b = after.read().article().orElseThrow();
                assertTrue(a.sameFrontMatter(b), a + "\n" + b);
                // Regions stay regions: a time in Europe/Amsterdam is not turned into a bare +01:00.
                assertEquals(a.date().getZone(), b.date().getZone());
                assertEquals(a.source(), b.source());
                // The body is read from the article's file when asked for.
                assertTrue(b.body().contains("Body of " + a.sourcePath()), b.body());
            });
        }
        // Repeated short texts are decoded once.
        Article a = loaded.reads().get(full.sourcePath()).read().article().orElseThrow();
        Article b = loaded.reads().get(plain.sourcePath()).read().article().orElseThrow();
        assertSame(a.topics().get(0), b.topics().get(0));
    }

    @Test
    void aDamagedTruncatedOrForeignCacheIsNoCache() throws IOException {
        Path file = CacheFile.location(root, root.resolve("site"));
        BuildCache.Snapshot saved = new BuildCache.Snapshot(Map.of(), Map.of("index.html", 1L), Map.of(), 5, "/out", "b1", BuildCache.Basis.NONE, FeedBodies.NONE);
        CacheFile.save(file, saved, "1.2.3");
        assertEquals(saved.pages(), CacheFile.load(file, root, "1.2.3").pages());

        assertSame(BuildCache.Snapshot.EMPTY, CacheFile.load(file, root, "1.2.4"), "another version's cache");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertSame(BuildCache.Snapshot.EMPTY, CacheFile.load(file, root, "1.2.3"), "truncated");
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 1));
        assertSame(BuildCache.Snapshot.EMPTY, CacheFile.load(file, root, "1.2.3"), "trailing bytes");
        Files.write(file, new byte[] {1, 2, 3});
        assertSame(BuildCache.Snapshot.EMPTY, CacheFile.load(file, root, "1.2.3"), "not a cache");
        assertSame(BuildCache.Snapshot.EMPTY, CacheFile.load(root.resolve("missing.bin"), root, "1.2.3"));
    }

    /** A cache given up (the build failed) leaves neither its file nor the folders made for it. */
    @Test
    void aCacheGivenUpLeavesNothing() throws IOException {
        Path file = CacheFile.location(root, root.resolve("site"));
        BuildCache.Snapshot snapshot = new BuildCache.Snapshot(Map.of(), Map.of("index.html", 1L), Map.of(), 5, "/out", "b1", BuildCache.Basis.NONE, FeedBodies.NONE);
        new CacheFile.Writing(file, root, snapshot, "1.2.3").close();
        try (var left = Files.list(root)) {
            assertEquals(List.of(), left.toList());
        }
        // Folders that were there before stay, with what they hold.
        Files.createDirectories(root.resolve(".tolk/translations"));
        new CacheFile.Writing(file, root, snapshot, "1.2.3").close();
        try (var left = Files.list(root.resolve(".tolk"))) {
            assertEquals(List.of(root.resolve(".tolk/translations")), left.toList());
        }
    }

    @Test
    void aBuildsOwnCacheIsKeptInMemoryUntilTheFileChanges() throws IOException {
        Path file = CacheFile.location(root, root.resolve("site"));
        BuildCache.Snapshot saved = new BuildCache.Snapshot(Map.of(), Map.of("index.html", 1L), Map.of(), 5, "/out", "b1", BuildCache.Basis.NONE, FeedBodies.NONE);
        try (CacheFile.Writing writing = new CacheFile.Writing(file, root, saved, "1.2.3")) {
            writing.finish(saved);
        }
        // The next build in this JVM (the build daemon's) does not decode what it just wrote.
        assertSame(saved, CacheFile.load(file, root, "1.2.3"));
        assertSame(BuildCache.Snapshot.EMPTY, CacheFile.load(file, root, "1.2.4"), "another version's cache");

        BuildCache.Snapshot other = new BuildCache.Snapshot(Map.of(), Map.of("index.html", 2L), Map.of(), 6, "/out", "b2", BuildCache.Basis.NONE, FeedBodies.NONE);
        CacheFile.save(file, other, "1.2.3");   // written by another process: a new file
        BuildCache.Snapshot loaded = CacheFile.load(file, root, "1.2.3");
        assertEquals(other.pages(), loaded.pages());
        assertSame(loaded, CacheFile.load(file, root, "1.2.3"), "decoded once");
    }
}
