package org.tolk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.tolk.TestSites;
import org.tolk.build.Build;
import org.tolk.build.BuildResult;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated front matter and Markdown: Tolk either builds or reports problems; it never
 * crashes, never writes outside its output folder and never changes the sources.
 */
class RobustnessProperties {
    private static final String VALID = """
            ---
            title: "Telegram: “wij geven niets”"
            date: 2017-07-25T01:03:00+02:00
            language: nl
            topics: [politics, economy]
            author: [Sara, Ali]
            source: {name: IranWire, url: https://iranwire.com/x, language: fa}
            slug: telegram
            ---
            # Kop

            Tekst met een [link](../a/story.nl.md) en een ![foto](../a/photo.svg).

            | a | b |
            |---|---|
            | 1 | 2 |

            > citaat[^1]

            [^1]: voetnoot
            """;
    private static final String YAML_NOISE = ":-[]{}&*!|>'\"%@`#,?~\n\t  aé€ا\u0000\uFEFF";
    private static final String MARKDOWN_NOISE = "[]()!#*_>|-`~<>/\\\n  .:{}^=\"'aZ9ا";

    @Provide
    Arbitrary<String> mutatedArticles() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length());
        Arbitrary<String> noise = Arbitraries.strings().withChars(YAML_NOISE + MARKDOWN_NOISE).ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> deletion = Combinators.combine(position, Arbitraries.integers().between(1, 30))
                .as((at, length) -> VALID.substring(0, at) + VALID.substring(Math.min(VALID.length(), at + length)));
        Arbitrary<String> insertion = Combinators.combine(position, noise)
                .as((at, text) -> VALID.substring(0, at) + text + VALID.substring(at));
        Arbitrary<String> lineSwap = Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 20))
                .as((a, b) -> {
                    List<String> lines = new java.util.ArrayList<>(List.of(VALID.split("\n", -1)));
                    java.util.Collections.swap(lines, a % lines.size(), b % lines.size());
                    return String.join("\n", lines);
                });
        Arbitrary<String> randomBody = Arbitraries.strings().withChars(MARKDOWN_NOISE).ofMaxLength(300)
                .map(body -> VALID.substring(0, VALID.indexOf("# Kop")) + body);
        Arbitrary<String> randomAll = Arbitraries.strings().withChars(YAML_NOISE + MARKDOWN_NOISE).ofMaxLength(200)
                .map(text -> "---\n" + text);
        return Arbitraries.oneOf(deletion, insertion, lineSwap, randomBody, randomAll);
    }

    @Property(tries = 200)
    void buildsOrReportsButNeverCrashesOrEscapes(@ForAll("mutatedArticles") String article) throws IOException {
        Path root = Files.createTempDirectory("tolk-fuzz");
        try {
            Path site = TestSites.copy("basic", root);
            TestSites.write(site.resolve("content/fuzz/fuzzed.nl.md"), article);
            Map<String, String> sourcesBefore = sources(site);

            BuildResult result = Build.run(TestSites.options(site)); // must not throw

            if (result.written()) {
                assertFalse(result.failed(), result.problems().toString());
            } else {
                assertTrue(result.failed(), "not written, yet no error: " + result.problems());
            }
            for (Problem problem : result.problems()) {
                assertFalse(problem.path().startsWith("/"), problem.toString());
                assertTrue(problem.line() >= 0 && problem.column() >= 0, problem.toString());
                assertFalse(problem.message().contains("Exception"), "a stack-trace-like message: " + problem);
            }
            assertEquals(sourcesBefore, sources(site), "the sources are never changed");
            try (Stream<Path> top = Files.list(root)) {
                assertEquals(List.of(site), top.toList(), "nothing written beside the site");
            }
            try (Stream<Path> inSite = Files.list(site)) {
                List<String> names = inSite.map(p -> p.getFileName().toString()).sorted().toList();
                // The output folder and the build cache appear only when a build succeeds.
                assertEquals(result.written() ? List.of(".tolk", "content", "site", "site.yaml") : List.of("content", "site.yaml"), names);
            }
        } finally {
            delete(root);
        }
    }

    private static Map<String, String> sources(Path site) {
        Map<String, String> files = new java.util.TreeMap<>(TestSites.snapshot(site.resolve("content")));
        try {
            files.put("site.yaml", Files.readString(site.resolve("site.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
