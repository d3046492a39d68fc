package org.tolk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tolk.TestSites;
import org.tolk.render.MemoryBuild;

/**
 * {@link IncrementalBuildTest}'s random edits on a site whose sitemap is an index of parts: every part has
 * its own fingerprint, so a stale part, a stale index or a part left over from before would differ from a
 * clean build. Build splits only at the protocol's 50,000 URLs, so these builds go through
 * {@link MemoryBuild}, which renders as Build does with small limits.
 */
class SitemapPartsIncrementalTest {
    private static final long PROTOCOL_BYTES = 52_428_800L;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomEditsGiveTheSamePartsAsACleanBuild(long seed, @TempDir Path dir) throws IOException {
        Path root = TestSites.copy("basic", dir);
        Random random = new Random(seed);
        // Parts closed by the URL limit, or by the byte limit.
        int urls = seed % 2 == 0 ? 3 : 50_000;
        long bytes = seed % 2 == 0 ? PROTOCOL_BYTES : 2000;
        MemoryBuild builds = new MemoryBuild(root, urls, bytes);
        assertFalse(builds.build().failed());
        for (int step = 0; step < 12; step++) {
            String edit = IncrementalBuildTest.Edits.apply(root, random);
            MemoryBuild.Result incremental = builds.build();
            MemoryBuild.Result clean = MemoryBuild.clean(root, urls, bytes);
            assertEquals(clean.failed(), incremental.failed(), edit + ": " + incremental.problems() + " / " + clean.problems());
            if (!incremental.failed()) {
                String when = "after step " + step + " (" + edit + ")";
                assertTrue(clean.files().containsKey("sitemap-2.xml"), "the sitemap is in parts " + when);
                assertEquals(clean.files().keySet(), incremental.files().keySet(), "files " + when);
                Set<String> differing = new TreeSet<>();
                clean.files().forEach((file, content) -> {
                    if (!Arrays.equals(content, incremental.files().get(file))) {
                        differing.add(file);
                    }
                });
                assertEquals(Set.of(), differing, "files that differ from a clean build " + when);
            }
        }
    }

    @Test
    void aNewArticleRewritesTheIndexAndThePartsFromWhereItJoins(@TempDir Path dir) {
        Path root = TestSites.copy("basic", dir);
        MemoryBuild builds = new MemoryBuild(root, 3, PROTOCOL_BYTES);
        assertEquals(7, sitemapFiles(builds.build().files().keySet()).size() - 1, "19 URLs, 3 a part");
        // /nl/2019/04/new/ is the 15th of 20 URLs: parts 1 to 4 keep their entries, 5 to 7 change.
        TestSites.write(root.resolve("content/g/new.nl.md"), "---\ntitle: Nieuw\ndate: 2019-04-02\nlanguage: nl\n---\nTekst.\n");
        MemoryBuild.Result result = builds.build();
        assertEquals(List.of(), result.problems());
        assertEquals(Set.of("sitemap.xml", "sitemap-5.xml", "sitemap-6.xml", "sitemap-7.xml"), sitemapFiles(result.rendered()));
        assertTrue(result.text("sitemap-5.xml").contains("/nl/2019/04/new/"));
        assertTrue(result.text("sitemap.xml").contains("<lastmod>2019-04-02T00:00:00+02:00</lastmod>"));
    }

    @Test
    void anEditedBodyRewritesNoSitemapFile(@TempDir Path dir) throws IOException {
        Path root = TestSites.copy("basic", dir);
        MemoryBuild builds = new MemoryBuild(root, 3, PROTOCOL_BYTES);
        builds.build();
        Path story = root.resolve("content/a/story.nl.md");
        Files.writeString(story, Files.readString(story) + "\nEen nieuwe alinea.\n");
        MemoryBuild.Result result = builds.build();
        assertTrue(result.rendered().contains("nl/2017/07/story/index.html"));
        assertEquals(Set.of(), sitemapFiles(result.rendered()));
    }

    private static Set<String> sitemapFiles(Set<String> files) {
        return new TreeSet<>(files.stream().filter(f -> f.startsWith("sitemap")).toList());
    }
}
