package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** What feeds and sitemaps hold: text and attributes escaped, characters XML 1.0 cannot hold dropped. */
class XmlTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static String element(String text, String attribute) {
        Xml xml = new Xml();
        xml.start("e").attribute("a", attribute).text(text).endInline();
        return new String(xml.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void textAndAttributesAreEscaped() {
        assertEquals(HEAD + "\n<e a=\"&lt;&amp;&gt;&quot;&#10;&#9;&#13;'\">&lt;p&gt;a &amp; \"b\"\n\t&#13;&lt;/p&gt;</e>\n",
                element("<p>a & \"b\"\n\t\r</p>", "<&>\"\n\t\r'"));
    }

    @Test
    void charactersXmlCannotHoldAreDroppedAndPairsKept() {
        assertEquals(HEAD + "\n<e a=\"xy\">ab😀c</e>\n", element("a\u0001b\uFFFE😀\uD800c\uDC00", "x\u0000\uFFFFy"));
    }

    /** Random texts, short and long (beyond the writer's buffers), against a one-character-at-a-time reference. */
    @Test
    void randomTextsAreEscapedAsTheReferenceEscapesThem() {
        Random random = new Random(29);
        char[] pieces = {'a', 'é', '<', '>', '&', '"', '\'', '\n', '\t', '\r', '\u0001', '\uFFFE', '\uD83D', '\uDE00', 'ش', ' '};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round % 10 == 0 ? 20000 : 200);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String attribute = text.substring(0, Math.min(50, text.length()));
            assertEquals(HEAD + "\n<e a=\"" + reference(attribute, true) + "\">" + reference(text.toString(), false) + "</e>\n",
                    element(text.toString(), attribute));
        }
    }

    /**
     * A feed's article body arrives in UTF-8 and is escaped byte by byte: as its text would be, for random texts
     * around the three-byte characters that are dropped (U+FFFE, U+FFFF) and their neighbours that are not.
     */
    @Test
    void utf8TextIsEscapedAsItsCharactersWouldBe() {
        Random random = new Random(31);
        String[] pieces = {"a", "é", "<", ">", "&", "\"", "\n", "\t", "\r", "\u0001", "\u001F", "\u007F", "\uFFFE", "\uFFFF",
                "\uFFFD", "\uFFBF", "\uEFBF", "ï", "¿", "😀", "ش", " "};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round % 10 == 0 ? 20000 : 200);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            Xml xml = new Xml();
            xml.start("e").textUtf8(text.toString().getBytes(StandardCharsets.UTF_8)).endInline();
            assertEquals(HEAD + "\n<e>" + reference(text.toString(), false) + "</e>\n", new String(xml.toBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String reference(String text, boolean attribute) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '"' && attribute) {
                out.append("&quot;");
            } else if (c == '\n' && attribute) {
                out.append("&#10;");
            } else if (c == '\t' && attribute) {
                out.append("&#9;");
            } else if (c == '\r') {
                out.append("&#13;");
            } else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
