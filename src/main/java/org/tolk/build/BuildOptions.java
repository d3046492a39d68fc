package org.tolk.build;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a build is asked to do.
 *
 * @param source   the site's root folder (with site.yaml)
 * @param output   where the site is written; relative paths are resolved against the site root
 * @param baseUrl  replaces site.yaml's baseURL (for previews and staging hosts)
 * @param write    false for {@code tolk check}: everything runs but nothing is written
 * @param force    use an output folder that holds files Tolk did not create
 * @param now      the moment that decides which articles are "in the future"
 * @param progress counts pages as they are rendered, for a progress line; may be read from another thread
 * @param clean    ignore the build cache: read and render everything
 */
public record BuildOptions(Path source, Path output, boolean drafts, boolean future, Optional<String> baseUrl,
                           boolean write, boolean force, Instant now, LongAdder progress, boolean clean) {

    public static BuildOptions defaults(Path source) {
        return new BuildOptions(source, Path.of("site"), false, false, Optional.empty(), true, false, Instant.now(),
                new LongAdder(), false);
    }

    public BuildOptions withClean(boolean ignoreCache) {
        return new BuildOptions(source, output, drafts, future, baseUrl, write, force, now, progress, ignoreCache);
    }

    public Path outputFolder() {
        return source.resolve(output).normalize();
    }

    public BuildOptions withOutput(Path newOutput) {
        return new BuildOptions(source, newOutput, drafts, future, baseUrl, write, force, now, progress, clean);
    }

    public BuildOptions withDrafts(boolean show) {
        return new BuildOptions(source, output, show, future, baseUrl, write, force, now, progress, clean);
    }

    public BuildOptions withFuture(boolean show) {
        return new BuildOptions(source, output, drafts, show, baseUrl, write, force, now, progress, clean);
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, output, drafts, future, Optional.ofNullable(url), write, force, now, progress, clean);
    }

    public BuildOptions withWrite(boolean doWrite) {
        return new BuildOptions(source, output, drafts, future, baseUrl, doWrite, force, now, progress, clean);
    }

    public BuildOptions withForce(boolean doForce) {
        return new BuildOptions(source, output, drafts, future, baseUrl, write, doForce, now, progress, clean);
    }

    public BuildOptions withNow(Instant moment) {
        return new BuildOptions(source, output, drafts, future, baseUrl, write, force, moment, progress, clean);
    }
}
