package org.tolk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.tolk.build.BuildOptions;
import org.tolk.config.ConfigLoader;
import org.tolk.serve.Preview;
import org.tolk.serve.TerminalLog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Preview the site in a browser while you write: every change to content/, templates/ or site.yaml "
                + "rebuilds it, open pages reload by themselves (style sheets are swapped in place), and errors show over the page.",
                "The translator's view, at /_tolk/, lists every story with its translations and shows original and translation side by side.",
                "The preview is kept in memory: nothing is written to the output folder."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped with Ctrl+C", "1:no site here, or no free port", "2:wrong command-line options"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080",
            description = "The port to listen on (default: ${DEFAULT-VALUE}); if it is taken, the next free one.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network).")
    String bind;

    @Option(names = "--poll", paramLabel = "MS", arity = "0..1", fallbackValue = "300",
            description = "Look for changes every MS milliseconds (default 300) instead of relying on file-system events: "
                    + "for network drives and container volumes that send none.")
    Integer poll;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("tolk serve: --port must be between 0 and 65535");
            return 2;
        }
        Path root = site.source.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve(ConfigLoader.FILE_NAME))) {
            err.println("tolk serve: no " + ConfigLoader.FILE_NAME + " in " + root
                    + " (run it in a site's folder, or give one with --source DIR; 'tolk new site' makes one)");
            return 1;
        }
        if (site.baseUrl != null) {
            err.println("tolk serve: ignoring --base-url: the preview's links point at the preview itself");
        }
        // Jetty logs through SLF4J; without a logging back end SLF4J would print a warning about it.
        System.setProperty("slf4j.internal.verbosity", "ERROR");

        BuildOptions options = BuildOptions.defaults(root).withDrafts(site.drafts).withFuture(site.future);
        Preview.Settings settings = Preview.Settings.of(options).withPort(port).withBind(bind);
        if (poll != null) {
            settings = settings.withPolling(true, Duration.ofMillis(Math.max(50, poll)));
        }
        TerminalLog log = new TerminalLog(out, err, site.debug);
        out.println("Building " + shown(root) + (site.drafts ? " with drafts" : "") + (site.future ? (site.drafts ? " and" : " with")
                + " future articles" : "") + "…");
        out.flush();
        Preview preview;
        try {
            preview = Preview.start(settings, log::rebuild, true);
        } catch (Preview.NoFreePortException e) {
            err.println("tolk serve: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("tolk serve: " + e.getMessage());
            return 1;
        }
        log.first(preview.firstBuild());
        int used = preview.url().getPort();
        if (port != 0 && used != port) {
            out.println("Port " + port + " is in use, so the preview is on port " + used + " instead.");
        }
        out.println();
        out.println("  Preview:            " + preview.url());
        out.println("  Translator's view:  " + preview.url().resolve("_tolk/"));
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            out.println("  (listening on every network address, port " + used + ")");
        }
        out.println();
        out.println("Watching content/, templates/ and site.yaml (" + preview.watching() + "). Press Ctrl+C to stop.");
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            preview.close();
            out.println();
            out.println("Preview stopped.");
            out.flush();
            stopped.countDown();
        }, "tolk-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            preview.close();
        }
        return 0;
    }

    private static String shown(Path root) {
        Path cwd = Path.of("").toAbsolutePath();
        return root.equals(cwd) ? "the site" : root.startsWith(cwd) ? cwd.relativize(root).toString() : root.toString();
    }
}
