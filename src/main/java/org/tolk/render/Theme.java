package org.tolk.render;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

import org.tolk.check.Problems;
import org.tolk.config.SiteConfig;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

/**
 * The templates and assets a site is rendered with: the site's own {@code templates/} first, then the
 * default theme built into Tolk, file by file, so a site can override one template and keep the rest.
 *
 * <p>Freemarker is locked down: HTML auto-escaping, no {@code ?new} (no class instantiation), no
 * {@code ?api}, exceptions rethrown so that a broken template is a reported problem, never a page with
 * an error message in it.
 */
public final class Theme {
    static final String BUILT_IN = "/org/tolk/templates";
    public static final List<String> PAGE_TEMPLATES = List.of("article.ftlh", "home.ftlh", "topic.ftlh", "topics.ftlh",
            "chooser.ftlh", "404.ftlh");

    /** Where an asset's bytes come from: the site's folder or Tolk's jar. */
    public sealed interface AssetSource {
        record SiteFile(Path file) implements AssetSource {
        }

        record BuiltIn(String resource) implements AssetSource {
        }
    }

    private final Configuration freemarker;
    private final Path siteTemplates;
    private final Map<String, AssetSource> assets;
    private final Map<String, Template> templates;

    private Theme(Configuration freemarker, Path siteTemplates, Map<String, AssetSource> assets, Map<String, Template> templates) {
        this.freemarker = freemarker;
        this.siteTemplates = siteTemplates;
        this.assets = assets;
        this.templates = templates;
    }

    public static Theme load(SiteConfig config, Problems problems) {
        Path dir = config.templatesDir();
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        try {
            if (Files.isDirectory(dir)) {
                loaders.add(new FileTemplateLoader(dir.toFile()));
            }
        } catch (IOException e) {
            problems.error("templates", 0, 0, "cannot read the templates folder: " + e.getMessage());
        }
        loaders.add(new ClassTemplateLoader(Theme.class, BUILT_IN));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((e, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        // A Theme serves one build, which must use one version of each template. Freemarker otherwise looks at
        // layout.ftlh's file again for a page's #import once five seconds passed, and parses it again when it
        // changed or when the garbage collector cleared its soft cache (seen in profiles of large builds).
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setCacheStorage(new freemarker.cache.StrongCacheStorage());
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setExposeFields(false);
        cfg.setObjectWrapper(wrapper.build());

        Map<String, Template> templates = new TreeMap<>();
        Theme probe = new Theme(cfg, dir, Map.of(), Map.of());
        List<String> names = new ArrayList<>(PAGE_TEMPLATES);
        names.add("layout.ftlh");
        for (String name : names) {
            try {
                templates.put(name, cfg.getTemplate(name));
            } catch (ParseException e) {
                problems.error(probe.displayPath(name), e.getLineNumber(), e.getColumnNumber(),
                        "template does not parse: " + firstLine(e.getEditorMessage()));
            } catch (freemarker.template.TemplateNotFoundException e) {
                if (!name.equals("layout.ftlh")) {
                    problems.error(probe.displayPath(name), 0, 0, "template not found");
                }
            } catch (IOException e) {
                problems.error(probe.displayPath(name), 0, 0, "cannot read template: " + e.getMessage());
            }
        }
        return new Theme(cfg, dir, assets(dir, problems), Map.copyOf(templates));
    }

    /** The parsed template, or null if it failed to parse (that is a reported problem already). */
    public Template template(String name) {
        return templates.get(name);
    }

    /** Asset names ({@code tolk.css}, {@code fonts/x.woff2}), sorted. */
    public List<String> assetNames() {
        return List.copyOf(assets.keySet());
    }

    public AssetSource asset(String name) {
        return assets.get(name);
    }

    /** Where a template is, as a user would find it: {@code templates/article.ftlh} or Tolk's built-in copy. */
    public String displayPath(String templateName) {
        String name = templateName.startsWith("/") ? templateName.substring(1) : templateName;
        return Files.isRegularFile(siteTemplates.resolve(name)) ? "templates/" + name : "(built-in) templates/" + name;
    }

    public static InputStream openBuiltIn(String resource) throws IOException {
        InputStream in = Theme.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing built-in resource " + resource);
        }
        return in;
    }

    /** Built-in assets, overlaid by the site's {@code templates/assets/} file by file. */
    private static Map<String, AssetSource> assets(Path templatesDir, Problems problems) {
        Map<String, AssetSource> assets = new TreeMap<>();
        for (String name : BuiltInAssets.NAMES) {
            assets.put(name, new AssetSource.BuiltIn(BUILT_IN + "/assets/" + name));
        }
        Path own = templatesDir.resolve("assets");
        if (Files.isDirectory(own)) {
            try (Stream<Path> files = Files.walk(own)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .forEach(f -> assets.put(own.relativize(f).toString().replace(java.io.File.separatorChar, '/'),
                                new AssetSource.SiteFile(f)));
            } catch (IOException e) {
                problems.error("templates/assets", 0, 0, "cannot read: " + e.getMessage());
            }
        }
        return assets;
    }

    /** Listed once per JVM: the jar does not change while Tolk runs, and opening it twice at once fails. */
    private static final class BuiltInAssets {
        static final List<String> NAMES;

        static {
            try {
                NAMES = builtInAssetNames();
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("Tolk's built-in theme is unreadable", e);
            }
        }
    }

    private static List<String> builtInAssetNames() throws IOException, URISyntaxException {
        URL url = Theme.class.getResource(BUILT_IN + "/assets");
        if (url == null) {
            return List.of();
        }
        if (url.openConnection() instanceof JarURLConnection connection) {
            // The jar the class loader has open already: opening it again as a file system took 30 ms of every start.
            String prefix = BUILT_IN.substring(1) + "/assets/";
            List<String> names = new ArrayList<>();
            for (JarEntry entry : java.util.Collections.list(connection.getJarFile().entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    names.add(entry.getName().substring(prefix.length()));
                }
            }
            java.util.Collections.sort(names);
            return List.copyOf(names);
        }
        return list(Paths.get(url.toURI()));
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/').replace("\\", "/"))
                    .sorted()
                    .toList();
        }
    }

    static String firstLine(String message) {
        if (message == null) return "";
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
