package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tolk.TestSites;
import org.tolk.content.Slugs;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A sitemap too large for one file becomes an index of parts (sitemaps.org: at most 50,000 URLs and 50 MB a
 * file). The fixture sites are small, so the limits here are small too: 3 URLs a part, or a few kilobytes.
 * Incremental builds of a sitemap in parts: {@code org.tolk.cache.SitemapPartsIncrementalTest}.
 */
class SitemapPartsTest {
    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final Sitemap.Limits THREE_URLS = new Sitemap.Limits(3, Sitemap.Limits.PROTOCOL.bytes());
    /** One {@code <url>} element of a urlset as written: from its line's start to its end tag. */
    private static final Pattern URL = Pattern.compile("\n  <url>.*?\n  </url>", Pattern.DOTALL);

    // The split itself.

    @Test
    void aFileHoldsAtMostTheUrlLimit() {
        long[] sizes = {10, 10, 10, 10, 10, 10, 10};
        assertEquals(List.of(3, 6, 7), Sitemap.split(sizes, 5, new Sitemap.Limits(3, 1000)));
        assertEquals(List.of(7), Sitemap.split(sizes, 5, new Sitemap.Limits(7, 1000)));
    }

    @Test
    void aFileIsClosedBeforeTheEntryThatWouldPassTheByteLimit() {
        long[] sizes = {40, 40, 40, 40, 30};
        // 20 + 40 + 40 = 100 fits a 100-byte file exactly; the third entry would pass it.
        assertEquals(List.of(2, 4, 5), Sitemap.split(sizes, 20, new Sitemap.Limits(100, 100)));
        // One byte less, and every file holds one entry of 40; the last two, 40 and 30, fit together.
        assertEquals(List.of(1, 2, 3, 5), Sitemap.split(sizes, 20, new Sitemap.Limits(100, 99)));
        // Whichever limit comes first closes the file.
        assertEquals(List.of(1, 2, 3, 4, 5), Sitemap.split(sizes, 20, new Sitemap.Limits(1, 1000)));
    }

    @Test
    void anEntryLargerThanAFileGetsAFileOfItsOwn() {
        assertEquals(List.of(1, 3), Sitemap.split(new long[] {500, 10, 10}, 20, new Sitemap.Limits(10, 100)));
        assertEquals(List.of(1, 2), Sitemap.split(new long[] {10, 500}, 20, new Sitemap.Limits(10, 100)));
    }

    @Test
    void whatFitsIsOneFile() {
        assertEquals(List.of(0), Sitemap.split(new long[0], 20, new Sitemap.Limits(3, 100)));
        assertEquals(List.of(3), Sitemap.split(new long[] {10, 10, 10}, 20, new Sitemap.Limits(3, 50)));
    }

    /**
     * The split counts an entry's bytes rather than writing it: the count must be the bytes written, to the
     * byte. A sitemap exactly as large as the limit stays one file; one byte less and it is split. The
     * second site's base URL needs escaping ({@code &amp;}), the Persian site's addresses percent-encoding.
     */
    @ParameterizedTest
    @ValueSource(strings = {"basic", "persian", "basic&escaped", "sample"})
    void theSplitCountsTheBytesAsWritten(String name, @TempDir Path dir) throws IOException {
        Path root = fixture(name, dir);
        var site = MemoryBuild.site(root);
        int urls = Sitemap.listed(site).size();
        long bytes = Sitemap.xml(site).length;
        if (name.contains("&")) {
            assertTrue(new String(Sitemap.xml(site), StandardCharsets.UTF_8).contains("/news&amp;views/"));
        }
        assertEquals(List.of(), Sitemap.parts(site, new Sitemap.Limits(urls, bytes)));
        assertTrue(Sitemap.parts(site, new Sitemap.Limits(urls, bytes - 1)).size() >= 2);
        assertTrue(Sitemap.parts(site, new Sitemap.Limits(urls - 1, bytes)).size() >= 2);
        assertEquals(List.of(), Sitemap.parts(site, Sitemap.Limits.PROTOCOL));
    }

    // The output.

    @Test
    void aSiteThatFitsKeepsItsOneFile(@TempDir Path dir) {
        Path root = TestSites.copy("basic", dir);
        MemoryBuild.Result protocol = MemoryBuild.clean(root, Sitemap.Limits.PROTOCOL);
        byte[] one = protocol.files().get("sitemap.xml");
        MemoryBuild.Result exact = MemoryBuild.clean(root, new Sitemap.Limits(19, one.length));
        assertEquals(19, URL.matcher(protocol.text("sitemap.xml")).results().count());
        assertArrayEquals(one, exact.files().get("sitemap.xml"));
        assertEquals(protocol.files().keySet(), exact.files().keySet());
        assertFalse(exact.files().keySet().stream().anyMatch(f -> f.startsWith("sitemap-")));
        assertTrue(protocol.text("robots.txt").contains("Sitemap: https://example.org/nieuws/sitemap.xml\n"));
    }

    @Test
    void aLargeSitemapIsAnIndexOfPartsThatListEveryPageOnce(@TempDir Path dir) throws Exception {
        Path root = TestSites.copy("basic", dir);
        String whole = MemoryBuild.clean(root, Sitemap.Limits.PROTOCOL).text("sitemap.xml");
        MemoryBuild.Result split = MemoryBuild.clean(root, THREE_URLS);
        assertEquals(List.of(), split.problems());

        List<String> parts = checkIndex(split);
        assertEquals(7, parts.size(), "19 URLs, 3 a part");
        List<String> entries = new ArrayList<>();
        for (String part : parts) {
            List<String> inPart = checkPart(split, part);
            assertTrue(inPart.size() <= 3, part + " holds " + inPart.size());
            entries.addAll(inPart);
        }
        // The parts hold the one file's entries, each once, in the same order, written the same way.
        assertEquals(URL.matcher(whole).results().map(java.util.regex.MatchResult::group).toList(), entries);
        assertEquals(entries.size(), new HashSet<>(entries).size());
        assertTrue(split.text("robots.txt").contains("Sitemap: https://example.org/nieuws/sitemap.xml\n"));
        assertEquals(split.files().size(), MemoryBuild.clean(root, Sitemap.Limits.PROTOCOL).files().size() + 7,
                "the parts and nothing else are added");
    }

    @Test
    void aPartIsClosedBeforeItWouldPassTheByteLimit(@TempDir Path dir) throws Exception {
        Path root = TestSites.copy("basic", dir);
        long limit = 2000;
        MemoryBuild.Result split = MemoryBuild.clean(root, new Sitemap.Limits(50_000, limit));
        List<String> parts = checkIndex(split);
        assertTrue(parts.size() >= 3, parts.toString());
        for (int i = 0; i < parts.size(); i++) {
            byte[] part = split.files().get(parts.get(i));
            checkPart(split, parts.get(i));
            assertTrue(part.length <= limit, parts.get(i) + ": " + part.length + " bytes");
            if (i + 1 < parts.size()) {
                Matcher next = URL.matcher(split.text(parts.get(i + 1)));
                assertTrue(next.find());
                int firstEntry = next.group().getBytes(StandardCharsets.UTF_8).length;
                assertTrue(part.length + firstEntry > limit, parts.get(i) + " had room for the next entry");
            }
        }
    }

    /** The index lists sitemap-1.xml … sitemap-N.xml, absolute, each with its newest lastmod; returns the parts' files. */
    private static List<String> checkIndex(MemoryBuild.Result build) throws Exception {
        Document index = parse(build.files().get("sitemap.xml"));
        Element root = index.getDocumentElement();
        assertEquals(SITEMAPS, root.getNamespaceURI());
        assertEquals("sitemapindex", root.getLocalName());
        List<String> parts = new ArrayList<>();
        for (Element sitemap : children(root)) {
            assertEquals("sitemap", sitemap.getLocalName());
            List<Element> fields = children(sitemap);
            assertEquals("loc", fields.get(0).getLocalName());
            String file = "sitemap-" + (parts.size() + 1) + ".xml";
            assertEquals("https://example.org/nieuws/" + file, fields.get(0).getTextContent());
            assertTrue(build.files().containsKey(file), file);
            // lastmod: the newest of the part's entries, written as that entry writes it; none if it has none.
            List<String> lastmods = children(parse(build.files().get(file)).getDocumentElement()).stream()
                    .flatMap(url -> children(url).stream()).filter(e -> e.getLocalName().equals("lastmod"))
                    .map(Node::getTextContent).toList();
            List<String> written = fields.stream().skip(1).peek(e -> assertEquals("lastmod", e.getLocalName()))
                    .map(Node::getTextContent).toList();
            assertEquals(lastmods.stream().max(Comparator.comparing(t -> OffsetDateTime.parse(t).toInstant())).stream().toList(),
                    written, file);
            parts.add(file);
        }
        Set<String> files = new TreeSet<>(build.files().keySet().stream().filter(f -> f.matches("sitemap-\\d+\\.xml")).toList());
        assertEquals(new TreeSet<>(parts), files, "no part the index does not name");
        return parts;
    }

    /** A part is a urlset whose every url has one loc; returns its {@code <url>} elements as written. */
    private static List<String> checkPart(MemoryBuild.Result build, String file) throws Exception {
        Element root = parse(build.files().get(file)).getDocumentElement();
        assertEquals(SITEMAPS, root.getNamespaceURI());
        assertEquals("urlset", root.getLocalName());
        for (Element url : children(root)) {
            assertEquals("url", url.getLocalName());
            assertEquals(1, children(url).stream().filter(e -> e.getLocalName().equals("loc")).count());
        }
        List<String> entries = URL.matcher(build.text(file)).results().map(java.util.regex.MatchResult::group).toList();
        assertEquals(children(root).size(), entries.size());
        return entries;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    // The parts' names are kept free.

    @Test
    void thePartsNamesAreReserved(@TempDir Path dir) {
        assertFalse(Slugs.isValid("sitemap-2.xml"));
        assertFalse(Slugs.isValid("Sitemap-10.XML"));
        assertTrue(Slugs.isValid("sitemap-news"));
        Path root = TestSites.copy("basic", dir);
        TestSites.write(root.resolve("content/sitemap-1.xml"), "<urlset/>\n");
        MemoryBuild.Result result = MemoryBuild.clean(root, Sitemap.Limits.PROTOCOL);
        assertTrue(result.problems().stream().anyMatch(p -> p.isError() && p.path().equals("content/sitemap-1.xml")
                && p.message().contains("kept for the parts of a sitemap")), result.problems().toString());
    }

    /** A fixture site; {@code basic&escaped} is the basic site under a base URL whose path needs escaping in XML. */
    private static Path fixture(String name, Path dir) throws IOException {
        if (name.equals("sample")) {
            return TestSites.sample(dir);
        }
        if (name.equals("basic&escaped")) {
            Path root = TestSites.copy("basic", dir);
            Path yaml = root.resolve("site.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("https://example.org/nieuws/", "https://example.org/news&views/"));
            return root;
        }
        return TestSites.copy(name, dir);
    }
}
