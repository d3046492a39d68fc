import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.tolk.build.BuildOptions;
import org.tolk.serve.PreviewSite;
import org.tolk.serve.Rebuild;

/**
 * How long `tolk serve` takes to rebuild after one edited article, measured inside one JVM as the preview
 * runs it: the site is built once, then the newest English article gets a sentence appended K times, and
 * each rebuild (the one the watcher would start) is timed. Run by bench/run.sh:
 *
 *   java -cp tolk.jar bench/ServeRebuild.java CORPUS_DIR [EDITS]
 *
 * Prints one line per edit and a last line "serve-rebuild median_ms=… min_ms=… max_ms=…". The file is put
 * back as it was at the end.
 */
public class ServeRebuild {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PreviewSite site = new PreviewSite(BuildOptions.defaults(root).withBaseUrl("http://127.0.0.1:8080/"));
        long start = System.nanoTime();
        Rebuild first = site.rebuild(Set.of());
        System.out.printf("first build: %d ms, %d files, %d problems%n", (System.nanoTime() - start) / 1_000_000,
                first.files(), first.problems().size());
        Path article;
        try (Stream<Path> files = Files.walk(root.resolve("content"))) {
            article = files.filter(p -> p.toString().endsWith(".en.md")).max(Comparator.naturalOrder()).orElseThrow();
        }
        String original = Files.readString(article);
        List<Long> times = new ArrayList<>();
        try {
            for (int i = 0; i < edits; i++) {
                // An author's pace: the edit comes well after the previous rebuild.
                Thread.sleep(1500);
                Files.writeString(article, original + "\nBenchmark sentence " + i + ".\n");
                Rebuild rebuild = site.rebuild(Set.of(article));
                long ms = rebuild.duration().toMillis();   // what the terminal line of `tolk serve` shows
                times.add(ms);
                System.out.printf("edit %d: %d ms, %d files changed%n", i + 1, ms, rebuild.changed().size());
            }
        } finally {
            Files.writeString(article, original);
        }
        List<Long> sorted = times.stream().sorted().toList();
        System.out.printf("serve-rebuild median_ms=%d min_ms=%d max_ms=%d%n", sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
