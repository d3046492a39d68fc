package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.build.BuildResult;
import org.tolk.check.Problem;

/** Templates cannot reach Java; titles cannot inject markup; markdown.html decides what raw HTML may do. */
class SafetyTest {
    private static final String HOSTILE_BODY = """
            Hello <b>bold</b> <script>alert(1)</script>

            <a href="javascript:alert(2)" onclick="steal()">click</a> <img src="x.png" onerror="steal()">
            """;

    private static Path siteWith(Path dir, String markdownHtml) {
        Path site = TestSites.copy("basic", dir);
        if (markdownHtml != null) {
            TestSites.write(site.resolve("site.yaml"), readSiteYaml(site) + "markdown: {html: " + markdownHtml + "}\n");
        }
        TestSites.write(site.resolve("content/x/hostile.en.md"), "---\ntitle: \"<script>alert('title')</script>\"\ndate: 2020-01-01\n"
                + "language: en\n---\n" + HOSTILE_BODY);
        TestSites.write(site.resolve("content/x/x.png"), "not really a png");
        return site;
    }

    private static String readSiteYaml(Path site) {
        try {
            return java.nio.file.Files.readString(site.resolve("site.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Element body(Path site) {
        return TestSites.html(site, "en/2020/01/hostile/index.html").selectFirst(".article-body");
    }

    @Test
    void frontMatterIsEscapedByTheTemplates(@TempDir Path dir) {
        Path site = siteWith(dir, null);
        assertTrue(TestSites.build(site).written());
        String html = TestSites.text(site, "en/2020/01/hostile/index.html");
        assertTrue(html.contains("<h1 class=\"article-title\">&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</h1>"), html);
        // Inside JSON-LD, "<" is escaped too, so "</script>" cannot close the script element early.
        assertTrue(html.contains("\"headline\":\"\\u003cscript\\u003ealert('title')\\u003c/script\\u003e\""), html);
    }

    @Test
    void allowPassesInlineHtmlThrough(@TempDir Path dir) {
        Path site = siteWith(dir, "allow");
        assertTrue(TestSites.build(site).written());
        assertEquals(1, body(site).select("script").size());
        assertEquals(1, body(site).select("b").size());
    }

    @Test
    void escapeShowsHtmlAsText(@TempDir Path dir) {
        Path site = siteWith(dir, "escape");
        assertTrue(TestSites.build(site).written());
        assertEquals(0, body(site).select("script, b").size());
        assertTrue(body(site).text().contains("<script>alert(1)</script>"), body(site).text());
    }

    @Test
    void sanitizeKeepsSafeMarkupOnly(@TempDir Path dir) {
        Path site = siteWith(dir, "sanitize");
        assertTrue(TestSites.build(site).written());
        Element body = body(site);
        assertEquals(0, body.select("script").size());
        assertEquals(1, body.select("b").size());
        assertEquals("", body.selectFirst("a:contains(click)").attr("href"), "javascript: URL removed");
        assertFalse(body.html().contains("onclick"));
        assertFalse(body.html().contains("onerror"));
        assertEquals("/nieuws/x/x.png", body.selectFirst("img").attr("src"), "relative links in raw HTML resolved too");
    }

    @Test
    void templatesCannotInstantiateClassesOrReachTheJavaApi(@TempDir Path dir) {
        Path site = TestSites.copy("basic", dir);
        TestSites.write(site.resolve("templates/404.ftlh"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
        TestSites.write(site.resolve("templates/chooser.ftlh"), "${site?api.getClass().getName()}\n");
        BuildResult result = TestSites.build(site);
        assertFalse(result.written());
        List<String> lines = result.problems().stream().map(Problem::toString).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("templates/404.ftlh:1:1: error: template error (rendering /404.html): "), lines.get(0));
        assertTrue(lines.get(0).contains("Instantiating freemarker.template.utility.Execute is not allowed"), lines.get(0));
        assertTrue(lines.get(1).startsWith("templates/chooser.ftlh:1:"), lines.get(1));
        assertTrue(lines.get(1).contains("?api"), lines.get(1));
    }
}
