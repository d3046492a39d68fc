package org.tolk.serve;

import org.tolk.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Answers every request of the preview (a Jetty 12 core handler, no servlets): the site's files from
 * memory, with the live-reload script in its HTML pages; the site's own 404 page for anything else, with
 * status 404; and the preview's own endpoints under {@code /_tolk/}.
 *
 * <p>Only GET and HEAD; no directory listings (a folder URL without an index page is a 404); responses are
 * never cached, so the browser always shows the latest build; folder URLs without their trailing slash
 * are redirected to it, as static hosts do, so relative links resolve the same way as in production.
 */
final class PreviewHandler extends Handler.Abstract {
    static final String PREFIX = "/_tolk/";
    /** Files published as is up to this size are read whole; larger ones (videos) are streamed. */
    private static final long MAX_READ = 16 * 1024 * 1024;

    private final PreviewSite site;
    private final LiveReload live;
    private final TranslatorView translator;
    private final String instance;
    private final boolean loopbackOnly;

    /**
     * @param loopbackOnly the server listens on a loopback address only: then requests whose Host header
     *                     names anything but this machine are refused, so that a web page cannot read drafts
     *                     from the preview through DNS rebinding
     */
    PreviewHandler(PreviewSite site, LiveReload live, TranslatorView translator, String instance, boolean loopbackOnly) {
        this.site = site;
        this.live = live;
        this.translator = translator;
        this.instance = instance;
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (loopbackOnly && !localHost(request)) {
            return plain(response, callback, HttpStatus.FORBIDDEN_403,
                    "This preview answers only to localhost, 127.0.0.1 and [::1]. To open it from another machine,"
                            + " start it with --bind 0.0.0.0.\n");
        }
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            return plain(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "The preview only serves GET and HEAD requests.\n");
        }
        HttpURI uri = request.getHttpURI();
        Optional<String> refusal = PreviewPaths.refusal(uri);
        if (refusal.isPresent()) {
            return plain(response, callback, HttpStatus.BAD_REQUEST_400, "Bad path: " + refusal.get() + "\n");
        }
        String path = uri.getDecodedPath();
        if (path.startsWith(PREFIX) || path.equals("/_tolk")) {
            return tolk(path, request, response, callback, head);
        }
        return siteFile(path, uri, response, callback, head);
    }

    private boolean siteFile(String path, HttpURI uri, Response response, Callback callback, boolean head) throws Exception {
        Generation generation = served();
        if (generation == null) {
            return nothingBuilt(response, callback, head);
        }
        String file = PreviewPaths.outputFile(path);
        Optional<ServedFile> found = generation.file(file);
        if (found.isPresent()) {
            return send(response, callback, head, HttpStatus.OK_200, file, found.get(), generation, file, null);
        }
        if (!path.endsWith("/") && generation.file(file + "/index.html").isPresent()) {
            String query = uri.getQuery();
            String location = uri.getPath() + "/" + (query == null ? "" : "?" + query);
            response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
            response.getHeaders().put(HttpHeader.LOCATION, location);
            callback.succeeded();
            return true;
        }
        Optional<ServedFile> notFound = generation.file("404.html");
        if (notFound.isPresent()) {
            return send(response, callback, head, HttpStatus.NOT_FOUND_404, "404.html", notFound.get(), generation, "404.html", file);
        }
        return html(response, callback, head, HttpStatus.NOT_FOUND_404, BuiltInPages.notFound(path),
                generation.number(), "404.html", file, false);
    }

    private Generation served() throws InterruptedException {
        Generation generation = site.served();
        // A request that arrives while the first build runs waits for it rather than getting an empty site.
        return generation != null ? generation : site.awaitFirstBuild(5, TimeUnit.MINUTES);
    }

    private boolean nothingBuilt(Response response, Callback callback, boolean head) {
        return html(response, callback, head, HttpStatus.SERVICE_UNAVAILABLE_503, BuiltInPages.nothingBuilt(),
                0, "", null, true);
    }

    private boolean tolk(String path, Request request, Response response, Callback callback, boolean head) throws Exception {
        switch (path) {
            case "/_tolk", "/_tolk/" -> {
                if (path.equals("/_tolk")) {
                    response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
                    response.getHeaders().put(HttpHeader.LOCATION, PREFIX);
                    callback.succeeded();
                    return true;
                }
                Generation generation = served();
                return html(response, callback, head, HttpStatus.OK_200, translator.index(),
                        generation == null ? 0 : generation.number(), "_tolk/", null, true);
            }
            case "/_tolk/compare" -> {
                Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
                Generation generation = served();
                Optional<String> page = translator.compare(query.getValue("key"), query.getValue("lang"));
                if (page.isEmpty()) {
                    return html(response, callback, head, HttpStatus.NOT_FOUND_404,
                            BuiltInPages.notFound("translation group '" + query.getValue("key") + "'"),
                            generation == null ? 0 : generation.number(), "_tolk/compare", null, true);
                }
                return html(response, callback, head, HttpStatus.OK_200, page.get(),
                        generation == null ? 0 : generation.number(), "_tolk/compare", null, true);
            }
            case "/_tolk/events" -> {
                return live.open(request, response, callback);
            }
            case "/_tolk/changed" -> {
                return changed(request, response, callback, head);
            }
            default -> {
                String name = path.substring(PREFIX.length());
                if (BuiltInPages.ASSETS.contains(name)) {
                    byte[] bytes = BuiltInPages.asset(name);
                    return send(response, callback, head, HttpStatus.OK_200, name, new ServedFile.Bytes(bytes), null, null, null);
                }
                return plain(response, callback, HttpStatus.NOT_FOUND_404, "The preview has no " + path + "\n");
            }
        }
    }

    /**
     * Whether a page served from generation {@code since} is out of date: asked by a page whose event
     * stream reports a newer generation than the one it was served from.
     */
    private boolean changed(Request request, Response response, Callback callback, boolean head) {
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        long since = number(query.getValue("since"));
        String file = query.getValue("file");
        String wanted = query.getValue("wanted");
        boolean dynamic = "true".equals(query.getValue("dynamic"));
        boolean reload = (file != null && site.changedSince(file, since) > 0)
                || (wanted != null && site.changedSince(wanted, since) > 0)
                || (dynamic && site.anythingChangedSince(since));
        Generation served = site.served();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("instance", instance);
        answer.put("generation", served == null ? 0 : served.number());
        answer.put("reload", reload);
        answer.put("css", site.cssChangedSince(since));
        byte[] bytes = Json.compact(answer).getBytes(StandardCharsets.UTF_8);
        return send(response, callback, head, HttpStatus.OK_200, "changed.json", new ServedFile.Bytes(bytes), null, null, null);
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean html(Response response, Callback callback, boolean head, int status, String page, long generation,
                         String file, String wanted, boolean dynamic) {
        byte[] bytes = LiveScript.inject(page.getBytes(StandardCharsets.UTF_8),
                LiveScript.tag(instance, generation, file, wanted, dynamic));
        return write(response, callback, head, status, "text/html;charset=utf-8", bytes);
    }

    /**
     * Sends one file; an HTML page from the site gets the live-reload script.
     *
     * @param generation the generation it is served from, or null for the preview's own files
     */
    private boolean send(Response response, Callback callback, boolean head, int status, String name, ServedFile file,
                         Generation generation, String shownFile, String wanted) {
        String type = ContentTypes.of(name);
        if (file instanceof ServedFile.Bytes b) {
            byte[] bytes = b.bytes();
            if (generation != null && ContentTypes.isHtml(name)) {
                bytes = LiveScript.inject(bytes, LiveScript.tag(instance, generation.number(), shownFile, wanted, false));
            }
            return write(response, callback, head, status, type, bytes);
        }
        // A file published as is (an image beside an article), read from where it lies now: it may have
        // changed since the build (the rebuild is on its way), and the length sent must be the length read.
        Path source = ((ServedFile.Copy) file).source();
        try {
            if (Files.size(source) <= MAX_READ) {
                return write(response, callback, head, status, type, Files.readAllBytes(source));
            }
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            if (head) {
                callback.succeeded();
                return true;
            }
            try (InputStream in = Files.newInputStream(source); OutputStream out = Content.Sink.asOutputStream(response)) {
                in.transferTo(out);
            }
            callback.succeeded();
        } catch (NoSuchFileException e) {
            return plain(response, callback, HttpStatus.NOT_FOUND_404, "Deleted since the last build; the rebuild is on its way.\n");
        } catch (IOException | UncheckedIOException e) {
            if (!response.isCommitted()) {
                return plain(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Cannot read " + name + ": " + e.getMessage() + "\n");
            }
            callback.failed(e);
        }
        return true;
    }

    private static boolean write(Response response, Callback callback, boolean head, int status, String type, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (head) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
        return true;
    }

    private static boolean plain(Response response, Callback callback, int status, String text) {
        return write(response, callback, false, status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** localhost, anything.localhost (RFC 6761 reserves it for loopback), 127.0.0.0/8 and [::1]. */
    static boolean localHost(Request request) {
        String host = Request.getServerName(request);
        if (host == null || host.isEmpty()) {
            return true;
        }
        host = host.toLowerCase(java.util.Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
