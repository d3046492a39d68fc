package org.tolk.cli;

import java.nio.file.Path;

import org.tolk.build.BuildOptions;

import picocli.CommandLine.Option;

/** Options shared by the commands that build a site. */
final class SiteOptions {
    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "The site's root folder, with site.yaml, content/ and templates/ (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--future", description = "Include articles dated in the future.")
    boolean future;

    @Option(names = "--base-url", paramLabel = "URL", description = "Publish under this URL instead of site.yaml's baseURL.")
    String baseUrl;

    @Option(names = "--debug", description = "Show Java stack traces for internal errors.")
    boolean debug;

    BuildOptions toBuildOptions() {
        return BuildOptions.defaults(source).withDrafts(drafts).withFuture(future).withBaseUrl(baseUrl);
    }

    /** The same, with a relative --source taken from {@code workingDirectory} (the build daemon's client's). */
    BuildOptions toBuildOptions(Path workingDirectory) {
        return BuildOptions.defaults(workingDirectory.resolve(source).normalize()).withDrafts(drafts).withFuture(future).withBaseUrl(baseUrl);
    }
}
