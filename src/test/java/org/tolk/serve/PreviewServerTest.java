package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The preview over HTTP: what it serves, with which status and type, and what it refuses. */
class PreviewServerTest {
    @TempDir
    static Path temp;
    static PreviewFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = PreviewFixture.start(PreviewFixture.copy(temp));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void servesEveryKindOfFileWithItsTypeAndCharset() {
        assertType("/", "text/html;charset=utf-8");
        assertType("/nl/", "text/html;charset=utf-8");
        assertType("/nl/2024/03/story/", "text/html;charset=utf-8");
        assertType("/assets/tolk.css", "text/css;charset=utf-8");
        assertType("/nl/feed.xml", "application/atom+xml;charset=utf-8");
        assertType("/sitemap.xml", "application/xml;charset=utf-8");
        assertType("/robots.txt", "text/plain;charset=utf-8");
        assertType("/2024/story/photo.svg", "image/svg+xml;charset=utf-8");
        assertType("/_tolk/live.js", "text/javascript;charset=utf-8");
    }

    private static void assertType(String path, String type) {
        HttpResponse<String> response = fixture.get(path);
        assertEquals(200, response.statusCode(), path);
        assertEquals(type, response.headers().firstValue("Content-Type").orElse(""), path);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), path);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
    }

    @Test
    void folderUrlsServeTheirIndexPage() {
        Document page = Jsoup.parse(fixture.get("/nl/2024/03/story/").body());
        assertEquals("Telegram weigert gegevens te delen", page.selectFirst("h1").text());
        assertEquals(fixture.get("/nl/2024/03/story/").body(), fixture.get("/nl/2024/03/story/index.html").body());
    }

    @Test
    void linksAndCanonicalUrlsPointAtThePreviewNotAtTheProductionSite() {
        Document page = Jsoup.parse(fixture.get("/nl/2024/03/story/").body());
        String canonical = page.selectFirst("link[rel=canonical]").attr("href");
        assertEquals(fixture.url("/nl/2024/03/story/").toString(), canonical);
        assertTrue(page.select("a[href]").stream().noneMatch(a -> a.attr("href").contains("/nieuws/")),
                "the site's base path /nieuws/ is replaced by the preview's /");
    }

    @Test
    void aFolderWithoutItsSlashIsRedirectedToIt() {
        HttpResponse<String> response = fixture.get("/nl/2024/03/story?x=1");
        assertEquals(301, response.statusCode());
        assertEquals("/nl/2024/03/story/?x=1", response.headers().firstValue("Location").orElse(""));
    }

    @Test
    void anUnknownPathGetsTheSitesOwn404PageWithStatus404() {
        HttpResponse<String> response = fixture.get("/nl/no-such-page/");
        assertEquals(404, response.statusCode());
        assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        Document page = Jsoup.parse(response.body());
        assertTrue(page.body().hasClass("page-404"), "the theme's 404 template");
        String script = page.selectFirst("script[src=/_tolk/live.js]").attr("data-wanted");
        assertEquals("nl/no-such-page/index.html", script, "reloads when the missing page appears");
    }

    @Test
    void thereAreNoDirectoryListings() {
        assertEquals(404, fixture.get("/assets/").statusCode());
        assertEquals(404, fixture.get("/2024/story/").statusCode());
        assertFalse(fixture.get("/2024/story/").body().contains("photo.svg"));
    }

    @Test
    void sourceFilesAreNeverServed() {
        for (String path : List.of("/site.yaml", "/content/2024/story/story.nl.md", "/templates/assets/tolk.css",
                "/2024/story/story.nl.md")) {
            HttpResponse<String> response = fixture.get(path);
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains("defaultLanguage"), path);
            assertFalse(response.body().contains("Sara de Vries\ntranslator"), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../site.yaml", "/nl/../../site.yaml", "/%2e%2e/site.yaml", "/nl/%2E%2E/%2E%2E/site.yaml",
            "/nl%2F2024", "/..%2Fsite.yaml", "/..%5Csite.yaml", "/nl%5C..%5C..%5Csite.yaml", "/a%00b", "/nl/%00/",
            "/nl//2024", "//etc/passwd", "/./site.yaml", "/nl/.", "/nl/..;/site.yaml"})
    void traversalAttemptsAndOddPathsAreRefused(String target) {
        String response = fixture.raw(target);
        int status = PreviewFixture.status(response);
        assertTrue(status == 400 || status == 404, target + " gave " + response.lines().findFirst().orElse(""));
        assertFalse(response.contains("defaultLanguage"), "no source file is ever served");
        assertFalse(response.contains("root:"), "nothing outside the site");
    }

    @Test
    void onlyGetAndHeadAreServed() {
        HttpResponse<String> post = PreviewFixture.send(HttpRequest.newBuilder(fixture.url("/nl/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));

        HttpResponse<String> head = PreviewFixture.send(HttpRequest.newBuilder(fixture.url("/nl/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        long length = Long.parseLong(head.headers().firstValue("Content-Length").orElse("0"));
        assertEquals(fixture.get("/nl/").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, length);
    }

    @Test
    void onALoopbackAddressRequestsForOtherHostsAreRefused() {
        // DNS rebinding: a web page whose host name now resolves to 127.0.0.1 must not read the drafts.
        assertEquals(403, PreviewFixture.status(fixture.raw("/nl/", "attacker.example")));
        assertEquals(403, PreviewFixture.status(fixture.raw("/_tolk/events", "attacker.example:" + fixture.preview.url().getPort())));
        assertEquals(200, PreviewFixture.status(fixture.raw("/nl/", "localhost:" + fixture.preview.url().getPort())));
        assertEquals(200, PreviewFixture.status(fixture.raw("/nl/", "127.0.0.1")));
    }

    @Test
    void htmlPagesCarryTheLiveReloadScriptOtherFilesDoNot() {
        Document page = Jsoup.parse(fixture.get("/nl/2024/03/story/").body());
        var script = page.selectFirst("head script[src=/_tolk/live.js]");
        assertEquals("nl/2024/03/story/index.html", script.attr("data-file"));
        assertEquals(String.valueOf(fixture.preview.site().served().number()), script.attr("data-generation"));
        assertFalse(fixture.get("/nl/feed.xml").body().contains("/_tolk/"));
        assertFalse(fixture.get("/sitemap.xml").body().contains("/_tolk/"));
    }

    @Test
    void thePreviewNeverWritesTheOutputFolder() {
        assertFalse(Files.exists(fixture.site.resolve("site")), "nothing written into site/");
        try (var files = Files.walk(fixture.site)) {
            assertTrue(files.noneMatch(p -> p.toString().contains(".tolk-")), "no staging folders either");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTakenPortFallsBackToTheNextFreeOne(@TempDir Path other) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Path site = PreviewFixture.copy(other);
            Preview.Settings settings = PreviewFixture.settings(site).withPort(taken.getLocalPort());
            settings = new Preview.Settings(settings.options(), settings.bind(), settings.port(), 20, false,
                    settings.pollInterval(), settings.quiet(), settings.maxWait());
            try (PreviewFixture second = PreviewFixture.start(site, settings)) {
                assertNotEquals(taken.getLocalPort(), second.preview.url().getPort());
                assertTrue(second.preview.url().getPort() > taken.getLocalPort());
                assertEquals(200, second.get("/nl/").statusCode());
            }
        }
    }

    @Test
    void whenEveryPortIsTakenStartingFailsWithAClearMessage(@TempDir Path other) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Path site = PreviewFixture.copy(other);
            Preview.Settings settings = PreviewFixture.settings(site).withPort(taken.getLocalPort());
            Preview.NoFreePortException e = assertThrows(Preview.NoFreePortException.class, () -> Preview.start(settings, r -> { }));
            assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())), e.getMessage());
            assertTrue(e.getMessage().contains("--port"), e.getMessage());
        }
    }
}
