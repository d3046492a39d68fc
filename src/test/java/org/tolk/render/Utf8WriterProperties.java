package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A page written through {@link Utf8Writer} has the bytes {@code String.getBytes(UTF_8)} gives for the whole
 * page, however the text is cut into writes: surrogate pairs split between two writes, lone surrogates
 * ({@code ?}), text longer than the writer's chunk.
 */
class Utf8WriterProperties {

    @Property(tries = 500)
    void writesTheBytesOfTheWholeText(@ForAll("pieces") List<String> pieces, @ForAll("ways") List<Integer> ways) {
        Utf8Writer writer = new Utf8Writer(4);
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            whole.append(piece);
            switch (ways.isEmpty() ? 0 : ways.get(i % ways.size())) {
                case 0 -> writer.write(piece);
                case 1 -> writer.write("<" + piece + ">", 1, piece.length());
                case 2 -> writer.write(("[" + piece).toCharArray(), 1, piece.length());
                default -> piece.chars().forEach(writer::write);
            }
        }
        assertArrayEquals(whole.toString().getBytes(StandardCharsets.UTF_8), writer.toByteArray());
    }

    @Test
    void longTextAndASurrogatePairAcrossTheChunkBoundary() {
        String text = "a".repeat(2047) + "😀" + "—“”".repeat(3000) + "\uD83D";
        Utf8Writer writer = new Utf8Writer(16);
        writer.write(text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), writer.toByteArray());
    }

    /** An article's body is encoded once: that very String is copied from the bytes given, an equal one is encoded. */
    @Test
    void aKnownStringIsCopiedFromItsBytes() {
        String body = "<p>“Één”</p>";
        Utf8Writer writer = new Utf8Writer(4);
        writer.knowing(body, "[known]".getBytes(StandardCharsets.UTF_8));
        writer.write("a");
        writer.write(body);
        writer.write(new String(body.toCharArray()));
        assertArrayEquals(("a[known]" + body).getBytes(StandardCharsets.UTF_8), writer.toByteArray());
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range('\0', '\u007f'),
                Arbitraries.chars().range('\u0080', '\u07ff'),
                Arbitraries.chars().range('\u0800', '\uffff'),
                Arbitraries.chars().range('\uD800', '\uDFFF'),
                Arbitraries.of("😀".charAt(0), "😀".charAt(1)));
        return chars.list().ofMaxSize(12).map(list -> {
            StringBuilder piece = new StringBuilder();
            list.forEach(piece::append);
            return piece.toString();
        }).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<Integer>> ways() {
        return Arbitraries.integers().between(0, 3).list().ofMaxSize(5);
    }
}
