package org.tolk.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.check.Problem;
import org.tolk.check.Problems;
import org.tolk.config.ConfigLoader;
import org.tolk.config.SiteConfig;

/**
 * An article read from a file's bytes, decoding only its front matter, and its body read again from the
 * file, are what reading the file's whole text gives: the same fields, body, problems and positions, for
 * byte-order marks, CRLF, closing lines with white space after "---", and bytes that are not UTF-8.
 */
class ArticleFileTest {
    static SiteConfig config;
    @TempDir
    Path dir;

    @BeforeAll
    static void loadConfig(@TempDir Path site) {
        config = ConfigLoader.load(TestSites.copy("basic", site), new Problems()).orElseThrow();
    }

    /** What reading gives, as text: the article's fields and body, or the error, and the problems. */
    private static String outcome(Optional<Article> article, Problems problems) {
        StringBuilder out = new StringBuilder();
        article.ifPresent(a -> {
            for (RecordComponent component : Article.class.getRecordComponents()) {
                if (!component.getName().equals("markdown")) {
                    try {
                        out.append(component.getName()).append('=').append(component.getAccessor().invoke(a)).append('\n');
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            out.append("body=[").append(a.body()).append("]\n");
        });
        problems.sorted().stream().map(Problem::toString).forEach(p -> out.append(p).append('\n'));
        return out.toString();
    }

    /** The reference: the whole file decoded, then read as text. */
    private static String byText(Path file, byte[] bytes) {
        Problems problems = new Problems();
        try {
            return outcome(new ArticleReader(config).read("content/a.en.md", "a.en.md", Text.decodeUtf8(bytes), file, problems), problems);
        } catch (Text.NotUtf8Exception e) {
            return e.getMessage();
        }
    }

    private static String byBytes(Path file, byte[] bytes) {
        Problems problems = new Problems();
        try {
            return outcome(new ArticleReader(config, ArticleReader.KEPT_BYTES_LIMIT).read("content/a.en.md", "a.en.md", bytes, file, problems), problems);
        } catch (Text.NotUtf8Exception e) {
            return e.getMessage();
        }
    }

    private void assertSame(byte[] bytes) throws IOException {
        Path file = dir.resolve("a.en.md");
        Files.write(file, bytes);
        assertEquals(byText(file, bytes), byBytes(file, bytes), () -> "for " + printable(bytes));
        // The body alone, as a rendering reads it (whether or not the article was valid).
        String expected;
        try {
            expected = ArticleReader.bodyOf(Text.decodeUtf8(bytes).replace("\r\n", "\n"));
        } catch (Text.NotUtf8Exception e) {
            expected = "error";
        }
        String body;
        try {
            body = Body.inFile(file).text();
        } catch (java.io.UncheckedIOException e) {
            body = "error";
        }
        assertEquals(expected, body, () -> "body of " + printable(bytes));
    }

    private static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(b >= 32 && b < 127 ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xFF));
        }
        return out.toString();
    }

    private static final String FRONT = "title: A “quoted” title\ndate: 2020-01-01\nlanguage: en\n";

    /**
     * The bytes read with the front matter serve the body's first use (a build's rendering): the body that goes
     * with that front matter, even if the file changed since. A later use reads the file as it is then; so does
     * every use once the reader has kept its limit.
     */
    @Test
    void theBytesReadAreKeptForTheBodysFirstUseUpToALimit() throws IOException {
        Path first = dir.resolve("a.en.md");
        Path second = dir.resolve("b.en.md");
        byte[] bytes = ("---\n" + FRONT + "---\nAs read.\n").getBytes(StandardCharsets.UTF_8);
        Files.write(first, bytes);
        Files.write(second, bytes);
        ArticleReader reader = new ArticleReader(config, bytes.length);
        Article kept = reader.read("content/a.en.md", "a.en.md", bytes, first, new Problems()).orElseThrow();
        Article notKept = reader.read("content/b.en.md", "b.en.md", bytes, second, new Problems()).orElseThrow();
        Files.writeString(first, "---\n" + FRONT + "---\nEdited since.\n");
        Files.writeString(second, "---\n" + FRONT + "---\nEdited since.\n");
        assertEquals("As read.\n", kept.body());
        assertEquals("Edited since.\n", kept.body());
        assertEquals("Edited since.\n", notKept.body());
    }

    /** A build lets go of what it kept once it is done: an article it read then reads its file when used later. */
    @Test
    void forgottenBytesAreNotUsed() throws IOException {
        Path file = dir.resolve("a.en.md");
        byte[] bytes = ("---\n" + FRONT + "---\nAs read.\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        Article article = new ArticleReader(config, ArticleReader.KEPT_BYTES_LIMIT)
                .read("content/a.en.md", "a.en.md", bytes, file, new Problems()).orElseThrow();
        new ContentReader.Content(List.of(article), List.of(), new java.util.TreeMap<>()).forgetKeptBodies();
        Files.writeString(file, "---\n" + FRONT + "---\nEdited since.\n");
        assertEquals("Edited since.\n", article.body());
    }

    @Test
    void theCommonShapes() throws IOException {
        List<String> texts = List.of(
                "---\n" + FRONT + "---\nBody with “quotes”.\n",
                "\uFEFF---\n" + FRONT + "---\nBody.\n",
                "---\r\n" + FRONT.replace("\n", "\r\n") + "---\r\nBody\r\nwith CRLF.\r\n",
                "---\r\n" + FRONT + "---\r\nMixed\n\rline\r\nends\r",
                "---\n" + FRONT + "---   \t\nWhite space after the fence.\n",
                "---\n" + FRONT + "---\u2003\nAn em space after the fence.\n",
                "---\n" + FRONT + "---\u00A0\nA no-break space is not white space.\n---\nBody.\n",
                "---\n" + FRONT + "--- x\nNot a fence.\n---\nBody.\n",
                "---\n" + FRONT + "---",
                "---\n" + FRONT + "---\n",
                "---\n" + FRONT + "----\nNot a fence either\n---\n",
                "---\n---\n",
                "---\n",
                "---",
                "",
                "\uFEFF",
                "# No front matter\n",
                "\uFEFF# No front matter\n",
                "---\n" + FRONT,
                "---\r\r\n" + FRONT + "---\nBody.\n",
                "---\n" + FRONT + "---\n\n<!-- tolk:original x -->\nTekst.\n<!-- /tolk:original -->\n",
                "\uFEFF---\r\n" + FRONT + "---\r\n\r\n\r\n<!-- tolk:original x -->\r\n",
                "---\n" + FRONT + "draft: true\n---\n<!-- tolk:original x -->\n",
                "---\n" + FRONT + "---\nA written \uFFFD replacement character.\n",
                "---\ntitle: \uFFFD\ndate: 2020-01-01\nlanguage: en\n---\nBody.\n",
                "---\n" + FRONT + "---\nEmoji 😀 and Persian متن.\n");
        for (String text : texts) {
            assertSame(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void bytesThatAreNotUtf8() throws IOException {
        byte[][] bad = {{(byte) 0xE9}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x80}, {(byte) 0x80},
                {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xFF}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}};
        for (byte[] b : bad) {
            for (String[] around : new String[][] {
                    {"---\ntitle: A", "\ndate: 2020-01-01\nlanguage: en\n---\nBody.\n"},
                    {"---\n" + FRONT + "---\nBody ", " more.\n"},
                    {"---\n" + FRONT + "---\nBody at the end ", ""},
                    {"---\n" + FRONT + "---", "\nBody.\n"},
                    {"---\n" + FRONT + "---\nBody.\n\n<!-- tolk:original -->", "\n"}}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
                out.writeBytes(b);
                out.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
                assertSame(out.toByteArray());
            }
        }
    }

    @Test
    void theCheckAgreesWithTheJdkDecoder() {
        Random random = new Random(7);
        for (int i = 0; i < 300_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(i % 2 == 0 ? 5 : 24)];
            for (int j = 0; j < bytes.length; j++) {
                int pick = random.nextInt(i % 2 == 0 ? 4 : 12);
                bytes[j] = (byte) (pick == 1 ? 0x80 + random.nextInt(64) : pick == 2 ? 0xC0 + random.nextInt(64)
                        : pick == 3 ? '<' : random.nextInt(128));
            }
            boolean strict;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                strict = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                strict = false;
            }
            assertEquals(strict, Text.isUtf8(bytes, 0, bytes.length), () -> printable(bytes));
            byte[] part = random.nextBoolean() ? new byte[] {'<'} : new byte[] {'<', (byte) random.nextInt(128)};
            assertEquals(strict ? naiveIndexOf(bytes, part) : Text.NOT_UTF8, Text.find(bytes, 0, bytes.length, part),
                    () -> printable(bytes) + " " + printable(part));
        }
        byte[] quotes = "“€😀”".getBytes(StandardCharsets.UTF_8);
        assertTrue(Text.isUtf8(quotes, 0, quotes.length));
        assertFalse(Text.isUtf8(new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, 0, 5));
        byte[] text = "0123456789abcdef<!-- x --> and <!-- tolk:original -->".getBytes(StandardCharsets.UTF_8);
        assertEquals(31, Text.find(text, 0, text.length, "<!-- tolk:original".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, Text.find(text, 0, 40, "<!-- tolk:original".getBytes(StandardCharsets.UTF_8)));
    }

    private static int naiveIndexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Random files put together from the pieces that matter: fences, line breaks, white space, marks, bad bytes. */
    @Test
    void randomFiles() throws IOException {
        String[] pieces = {"---", "\n", "\r\n", "\r", " ", "\t", "\u2003", "\u00A0", "\uFEFF", "x", "“", "\uFFFD", "😀",
                "title: A\n", "date: 2020-01-01\n", "language: en\n", "draft: true\n", "<!-- tolk:original", "-"};
        byte[][] bad = {{(byte) 0xE9}, {(byte) 0xE2, (byte) 0x80}, {(byte) 0x80}};
        Random random = new Random(11);
        for (int i = 0; i < 3000; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (random.nextInt(3) > 0) {
                out.writeBytes(("---" + (random.nextBoolean() ? "\n" : "\r\n") + FRONT).getBytes(StandardCharsets.UTF_8));
            }
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                if (random.nextInt(40) == 0) {
                    out.writeBytes(bad[random.nextInt(bad.length)]);
                } else {
                    out.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            assertSame(out.toByteArray());
        }
    }
}
