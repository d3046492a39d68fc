package org.tolk.render;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * The Markdown most news articles are written in, rendered byte for byte as Flexmark renders it, without
 * Flexmark: paragraphs of text with {@code *emphasis*}, {@code **strong**}, {@code [links](url)} and
 * simple inline HTML tags such as {@code <abbr title="…">}; {@code #} headings; tight {@code -} lists;
 * {@code >} quotes; blocks separated by blank lines. Flexmark's parser and HTML writer were nearly half of
 * a cold build's CPU, spent mostly on such bodies.
 * <p>
 * Whatever falls outside that shape, or where CommonMark's rules could go more than one way (a delimiter
 * that could both open and close, emphasis not closed in the order it was opened, anything typographic
 * quotes or dashes would change, entities, escapes, tabs, lazy continuation lines, ...), gives null, and
 * Flexmark renders the body. The tests compare the two on random bodies and on every article they have.
 */
final class PlainMarkdown {
    /** Where a link's URL is published; asked in document order, and only for a body rendered here. */
    interface Links {
        String resolve(String url, int offset);
    }

    /** Thrown, without a stack trace, when the body leaves the plain shape: Flexmark renders it. */
    private static final class NotPlain extends RuntimeException {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final String NON_DASH_CHARS = HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS.get(null);
    private static final boolean NON_ASCII_TO_LOWERCASE = HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE.get(null);
    private static final boolean RESOLVE_DUPES = HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES.get(null);
    /** URLs whose links Flexmark renders as their text alone ("javascript:…"). */
    private static final Pattern SUPPRESSED_LINKS = Pattern.compile(HtmlRenderer.SUPPRESSED_LINKS.get(null));

    /** Characters that end a run of plain text: each needs a closer look. */
    private static final boolean[] NOTABLE = new boolean[128];

    static {
        for (char c : "\\`&_~'\"|{}<>[]!*.-".toCharArray()) {
            NOTABLE[c] = true;
        }
        for (char c = 0; c < ' '; c++) {
            NOTABLE[c] = true;   // control characters: NUL, tab, carriage return, form feed, ...
        }
    }

    /** The body as a String, for the bare-address check's regular expression. */
    private final String source;
    private final char[] body;
    private final boolean rawHtml;
    /** The HTML so far: {@code out[0..size)}. */
    private char[] out;
    private int size;
    /** Per link, in document order: where its href goes in {@link #out} and its '[' in the body; and its URL. */
    private int[] links = new int[16];
    private String[] urls = new String[8];
    private int linkCount;
    /** Where the level digits of headings are in {@link #out}, to demote them all when the body has an h1. */
    private int[] headingDigits = new int[8];
    private int headingDigitCount;
    private boolean hasLevelOne;
    private final Map<String, Integer> headingIds = new HashMap<>();
    /**
     * Open emphasis, innermost last: the delimiters left of each opening run (1 to 3), and where in
     * {@link #out} its tags are (for a run of three, whose order its first closer decides).
     */
    private int[] open = new int[8];
    private int[] openAt = new int[8];
    private int openCount;

    private PlainMarkdown(String source, char[] body, boolean rawHtml) {
        this.source = source;
        this.body = body;
        this.rawHtml = rawHtml;
        this.out = new char[body.length + body.length / 4 + 64];
    }

    /**
     * {@code source}, whose characters are {@code body}, as Flexmark renders it, with headings demoted when it
     * has an h1 and links pointed where {@code links} says; null if it is not of the plain shape.
     * {@code rawHtml} false: no inline HTML.
     */
    static String render(String source, char[] body, boolean rawHtml, Links links) {
        PlainMarkdown plain = new PlainMarkdown(source, body, rawHtml);
        try {
            int[] lines = plain.lines();
            plain.blocks(lines, 0, lines.length / 2);
        } catch (NotPlain e) {
            return null;
        }
        return plain.finish(links);
    }

    private static NotPlain notPlain() {
        return NotPlain.INSTANCE;
    }

    /** The characters {@link #lines()} looks at besides line ends. */
    private static final boolean[] SCANNED = new boolean[128];

    static {
        for (char c : "\n|{~[:@.".toCharArray()) {
            SCANNED[c] = true;
        }
    }

    /**
     * The body's lines, as start and end offsets (the end without its '\n'). On the way, anything that
     * would make Tolk parse the body with one of Flexmark's extensions is not plain, wherever it is (in a
     * link's URL or an HTML attribute too): a table's '|', attributes' '{', strikethrough's '~', a
     * footnote's "[^", or a bare address that the autolinker would link (see {@link Markdown#features}).
     */
    private int[] lines() {
        char[] chars = body;
        int n = chars.length;
        int[] lines = new int[32];
        int count = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 128 || !SCANNED[c]) {
                continue;
            }
            switch (c) {
                case '\n' -> {
                    if (count + 2 > lines.length) {
                        lines = java.util.Arrays.copyOf(lines, 2 * lines.length);
                    }
                    lines[count++] = start;
                    lines[count++] = i;
                    start = i + 1;
                }
                case '|', '{', '~' -> throw notPlain();
                case '[' -> {
                    if (i + 1 < n && chars[i + 1] == '^') {
                        throw notPlain();
                    }
                }
                case ':' -> {
                    if (i + 2 < n && chars[i + 1] == '/' && chars[i + 2] == '/' && Markdown.bareAddressAround(source, i, 3)) {
                        throw notPlain();
                    }
                }
                case '@' -> {
                    if (Markdown.bareAddressAround(source, i, 1)) {
                        throw notPlain();
                    }
                }
                default -> {   // '.'
                    if (i >= 3 && chars[i - 1] == 'w' && chars[i - 2] == 'w' && chars[i - 3] == 'w' && Markdown.bareAddressAround(source, i - 3, 4)) {
                        throw notPlain();
                    }
                }
            }
        }
        if (count + 2 > lines.length) {
            lines = java.util.Arrays.copyOf(lines, count + 2);
        }
        lines[count++] = start;
        lines[count++] = n;
        return count == lines.length ? lines : java.util.Arrays.copyOf(lines, count);
    }

    private boolean blank(int[] lines, int line) {
        return lines[2 * line] == lines[2 * line + 1];
    }

    private char first(int[] lines, int line) {
        return body[lines[2 * line]];
    }

    /**
     * Renders lines {@code from} to {@code to} as blocks. Each block is followed by a blank line or the end:
     * where CommonMark lets a block follow another without one, or continues it lazily, this is not plain.
     */
    private void blocks(int[] lines, int from, int to) {
        int line = from;
        char previous = 0;   // the kind of the block before the blank lines just passed
        while (line < to) {
            if (blank(lines, line)) {
                line++;
                continue;
            }
            char kind = first(lines, line);
            int end = line + 1;
            if (kind == '#') {
                heading(lines[2 * line], lines[2 * line + 1]);
            } else if (kind == '-') {
                if (previous == '-') {
                    throw notPlain();   // a blank line between items: one loose list
                }
                while (end < to && !blank(lines, end) && first(lines, end) == '-') {
                    end++;
                }
                list(lines, line, end);
            } else if (kind == '>') {
                if (previous == '>') {
                    throw notPlain();
                }
                while (end < to && !blank(lines, end) && first(lines, end) == '>') {
                    end++;
                }
                quote(lines, line, end);
            } else {
                paragraphLine(lines[2 * line], lines[2 * line + 1]);
                while (end < to && !blank(lines, end)) {
                    paragraphLine(lines[2 * end], lines[2 * end + 1]);
                    end++;
                }
                append("<p>");
                inline(lines, line, end);
                append("</p>\n");
            }
            if (end < to && !blank(lines, end)) {
                throw notPlain();
            }
            previous = kind;
            line = end;
        }
    }

    /**
     * Checks that a paragraph's line starts nothing else, in a paragraph or after one (a heading, list
     * item, quote, setext underline, thematic break, HTML block, fence, table, indented code), and ends
     * without spaces (a hard line break).
     */
    private void paragraphLine(int start, int end) {
        char c = body[start];
        switch (c) {
            case ' ', '#', '>', '-', '+', '=', '<', '`', '~', '|', '_', '\t' -> throw notPlain();
            case '*' -> {
                if (start + 1 == end || body[start + 1] == ' ' || body[start + 1] == '*' && (start + 2 == end || body[start + 2] == '*' || body[start + 2] == ' ')) {
                    throw notPlain();
                }
            }
            default -> {
                int i = start;
                while (i < end && body[i] >= '0' && body[i] <= '9') {
                    i++;
                }
                if (i > start && i < end && (body[i] == '.' || body[i] == ')')) {
                    throw notPlain();
                }
            }
        }
        // White space at a line's start or end is trimmed by Flexmark or taken for a hard break.
        if (isSpace(c) || isSpace(body[end - 1])) {
            throw notPlain();
        }
    }

    /** A space, or white space beyond ASCII (a no-break space, say). */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= 128 && (Character.isSpaceChar(c) || Character.isWhitespace(c));
    }

    /** An ATX heading of plain text: "## Text", one space after the marks, no closing marks. */
    private void heading(int start, int end) {
        int level = 0;
        while (start + level < end && body[start + level] == '#') {
            level++;
        }
        int text = start + level + 1;
        if (level > 6 || text >= end || body[text - 1] != ' ' || isSpace(body[text]) || isSpace(body[end - 1])) {
            throw notPlain();
        }
        for (int i = text; i < end; i++) {
            char c = body[i];
            if (c == '#' || c < 128 && NOTABLE[c] && c != '.' && c != '-' && c != '!') {
                throw notPlain();
            }
            if (c == '.' || c == '-') {
                smartsAt(i, end);
            }
            checkCharacter(c);
        }
        String title = new String(body, text, end - text);
        String id = HeaderIdGenerator.generateId(title, Markdown.HEADING_ID_DASH_CHARS, NON_DASH_CHARS,
                Markdown.HEADING_ID_NO_DUPED_DASHES, NON_ASCII_TO_LOWERCASE);
        if (id.isEmpty()) {
            throw notPlain();
        }
        if (RESOLVE_DUPES) {
            Integer seen = headingIds.get(id);
            if (seen == null) {
                headingIds.put(id, 0);
            } else {
                headingIds.put(id, seen + 1);
                id = id + "-" + (seen + 1);
            }
        }
        hasLevelOne |= level == 1;
        append("<h");
        headingDigit(level);
        append(" id=\"");
        append(Escaping.escapeHtml(id, true));
        append("\">");
        appendBody(text, end);
        append("</h");
        headingDigit(level);
        append(">\n");
    }

    private void headingDigit(int level) {
        if (headingDigitCount == headingDigits.length) {
            headingDigits = java.util.Arrays.copyOf(headingDigits, 2 * headingDigitCount);
        }
        headingDigits[headingDigitCount++] = size;
        append((char) ('0' + level));
    }

    /** A tight list: every line "- text", each item one line. */
    private void list(int[] lines, int from, int to) {
        append("<ul>\n");
        for (int line = from; line < to; line++) {
            int start = lines[2 * line];
            int end = lines[2 * line + 1];
            if (end - start < 3 || body[start + 1] != ' ') {
                throw notPlain();
            }
            paragraphLine(start + 2, end);
            append("<li>");
            inline(new int[] {start + 2, end}, 0, 1);
            append("</li>\n");
        }
        append("</ul>\n");
    }

    /** A quote: every line "> text" or ">", its content blocks of their own. */
    private void quote(int[] lines, int from, int to) {
        int[] content = new int[2 * (to - from)];
        for (int line = from; line < to; line++) {
            int start = lines[2 * line];
            int end = lines[2 * line + 1];
            int inner = start + 1 < end && body[start + 1] == ' ' ? start + 2 : start + 1;
            if (inner > end || inner == end && end > start + 1) {
                throw notPlain();   // "> " with nothing after it: trailing white space
            }
            content[2 * (line - from)] = inner;
            content[2 * (line - from) + 1] = end;
        }
        append("<blockquote>\n");
        blocks(content, 0, to - from);
        append("</blockquote>\n");
    }

    /**
     * The inline content of lines {@code from} to {@code to}, joined by line breaks: text, emphasis,
     * links and inline HTML tags. Emphasis must close in the order it opened, within the link it opened in.
     */
    private void inline(int[] lines, int from, int to) {
        openCount = 0;
        int linkOpen = -1;   // the open emphasis count at the current link's '[', or -1 outside a link
        for (int line = from; line < to; line++) {
            if (line > from) {
                append('\n');
            }
            int start = lines[2 * line];
            int end = lines[2 * line + 1];
            int i = start;
            int text = start;
            while (i < end) {
                char c = body[i];
                if (c >= 128) {
                    checkCharacter(c);
                    i++;
                    continue;
                }
                if (!NOTABLE[c]) {
                    i++;
                    continue;
                }
                appendBody(text, i);
                switch (c) {
                    case '*' -> i = emphasis(i, start, end, linkOpen);
                    case '[' -> {
                        if (linkOpen >= 0 || i > start && body[i - 1] == '!') {
                            throw notPlain();
                        }
                        if (i + 1 < end && body[i + 1] == ' ') {
                            throw notPlain();   // Flexmark trims the link text's first and last space
                        }
                        linkOpen = openCount;
                        linkStart(i);
                        i++;
                    }
                    case ']' -> {
                        if (linkOpen < 0 || openCount != linkOpen || i > start && body[i - 1] == ' ') {
                            throw notPlain();
                        }
                        i = linkEnd(i, end);
                        linkOpen = -1;
                    }
                    case '<' -> i = htmlTag(i, end);
                    case '.', '-' -> {
                        smartsAt(i, end);
                        append(c);
                        i++;
                    }
                    case '!' -> {
                        if (i + 1 < end && body[i + 1] == '[') {
                            throw notPlain();
                        }
                        append(c);
                        i++;
                    }
                    default -> throw notPlain();
                }
                text = i;
            }
            appendBody(text, end);
        }
        if (openCount != 0 || linkOpen >= 0) {
            throw notPlain();
        }
    }

    /** Characters beyond ASCII that Flexmark's lines or text treat in their own way. */
    private static void checkCharacter(char c) {
        if (c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
            throw notPlain();
        }
    }

    /** "...", ". . ." and "--" become typographic characters: not plain. */
    private void smartsAt(int at, int end) {
        char c = body[at];
        if (at + 1 < end && body[at + 1] == c) {
            throw notPlain();
        }
        if (c == '.' && at + 2 < end && body[at + 1] == ' ' && body[at + 2] == '.') {
            throw notPlain();
        }
    }

    /** A run of '*' at {@code at}: opens or closes emphasis, unambiguously. Returns where it ends. */
    private int emphasis(int at, int lineStart, int lineEnd, int linkOpen) {
        int run = at;
        while (run < lineEnd && body[run] == '*') {
            run++;
        }
        int length = run - at;
        if (length > 3) {
            throw notPlain();
        }
        int before = at == lineStart ? SPACE : kind(body[at - 1]);
        int after = run == lineEnd ? SPACE : kind(body[run]);
        boolean leftFlanking = after != SPACE && (after != PUNCTUATION || before != OTHER);
        boolean rightFlanking = before != SPACE && (before != PUNCTUATION || after != OTHER);
        if (leftFlanking == rightFlanking) {
            throw notPlain();
        }
        if (leftFlanking) {
            if (openCount == open.length) {
                open = java.util.Arrays.copyOf(open, 2 * openCount);
                openAt = java.util.Arrays.copyOf(openAt, 2 * openCount);
            }
            open[openCount] = length;
            openAt[openCount++] = size;
            // A run of three opens both: which is inside is known when it is first closed (same length either way).
            append(length == 3 ? "<em><strong>" : length == 2 ? "<strong>" : "<em>");
        } else {
            close(length, linkOpen);
        }
        return run;
    }

    /**
     * Closes emphasis with a closing run of {@code length}, as Flexmark's delimiter processing pairs it with
     * the open runs, innermost first: each pairing uses two delimiters (strong) when both runs have three,
     * else as many as the shorter has. A run of one or two must be used whole; what Flexmark would leave
     * as literal asterisks, or pair across a link's brackets, is not plain.
     */
    private void close(int length, int linkOpen) {
        int remaining = length;
        while (remaining > 0) {
            int top = openCount - 1;
            if (top < Math.max(linkOpen, 0)) {
                throw notPlain();
            }
            int opener = open[top];
            int use = opener == 3 && remaining == 3 ? 2 : Math.min(opener, remaining);
            if (opener < 3 && use != opener) {
                throw notPlain();
            }
            if (opener == 3) {
                // The delimiters used first are the inner ones.
                (use == 2 ? "<em><strong>" : "<strong><em>").getChars(0, 12, out, openAt[top]);
            }
            append(use == 2 ? "</strong>" : "</em>");
            remaining -= use;
            if (opener == use) {
                openCount--;
            } else {
                open[top] = opener - use;
            }
        }
    }

    private static final int SPACE = 0;
    private static final int PUNCTUATION = 1;
    private static final int OTHER = 2;

    /**
     * A character next to a run of '*', as Flexmark's flanking rules see it: white space, punctuation
     * (ASCII's and Unicode's P categories), or a letter or digit. Anything else (symbols, marks, other
     * spaces, surrogates) is not plain, so that no classification here can differ from Flexmark's.
     */
    private static int kind(char c) {
        if (c == ' ') {
            return SPACE;
        }
        if (c < 128) {
            if (c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~') {
                return PUNCTUATION;
            }
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                return OTHER;
            }
            throw notPlain();
        }
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> {
                return PUNCTUATION;
            }
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    return OTHER;
                }
                throw notPlain();
            }
        }
    }

    private void linkStart(int bracket) {
        if (linkCount == urls.length) {
            links = java.util.Arrays.copyOf(links, 2 * links.length);
            urls = java.util.Arrays.copyOf(urls, 2 * urls.length);
        }
        append("<a href=\"");
        links[2 * linkCount] = size;
        links[2 * linkCount + 1] = bracket;
        append("\">");
    }

    /** "](url)" at {@code at}, the URL without white space, brackets or anything to unescape. Returns where it ends. */
    private int linkEnd(int at, int lineEnd) {
        if (size == links[2 * linkCount] + 2) {
            throw notPlain();   // no link text
        }
        int url = at + 2;
        if (url >= lineEnd || body[at + 1] != '(') {
            throw notPlain();
        }
        int i = url;
        while (i < lineEnd && body[i] != ')') {
            char c = body[i];
            if (c < ' ' || isSpace(c) || c == '(' || c == '[' || c == ']' || c == '<' || c == '>' || c == '\\' || c == '&' || c == '"' || c == '\'' || c == '`') {
                throw notPlain();
            }
            checkCharacter(c);
            i++;
        }
        if (i == lineEnd || i == url) {
            throw notPlain();
        }
        String written = new String(body, url, i - url);
        if (SUPPRESSED_LINKS.matcher(written).matches()) {
            throw notPlain();
        }
        urls[linkCount++] = written;
        append("</a>");
        return i + 1;
    }

    /**
     * An inline HTML tag at {@code at}: {@code <name attr="value" ...>} or {@code </name>}, copied as it is.
     * Tags with a URL that Tolk resolves ({@link Markdown#hasRawUrl}), comments and anything else: not plain.
     */
    private int htmlTag(int at, int lineEnd) {
        if (!rawHtml) {
            throw notPlain();
        }
        int i = at + 1;
        boolean closing = i < lineEnd && body[i] == '/';
        if (closing) {
            i++;
        }
        int name = i;
        while (i < lineEnd && isAsciiLetterOrDigit(body[i])) {
            i++;
        }
        if (i == name || !isAsciiLetter(body[name])) {
            throw notPlain();
        }
        while (!closing && i < lineEnd && body[i] == ' ') {
            int attribute = ++i;
            while (i < lineEnd && (isAsciiLetterOrDigit(body[i]) || body[i] == '-')) {
                i++;
            }
            if (i == attribute || !isAsciiLetter(body[attribute]) || i + 1 >= lineEnd || body[i] != '=' || body[i + 1] != '"') {
                throw notPlain();
            }
            i += 2;
            while (i < lineEnd && body[i] != '"') {
                char c = body[i];
                if (c == '<' || c == '>' || c == '&' || c < ' ') {
                    throw notPlain();
                }
                checkCharacter(c);
                i++;
            }
            if (i == lineEnd) {
                throw notPlain();
            }
            i++;
        }
        if (i == lineEnd || body[i] != '>') {
            throw notPlain();
        }
        String tag = new String(body, at, i + 1 - at);
        if (Markdown.hasRawUrl(tag)) {
            throw notPlain();
        }
        appendBody(at, i + 1);
        return i + 1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }

    private void ensure(int extra) {
        if (size + extra > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(2 * out.length, size + extra));
        }
    }

    private void append(String string) {
        int length = string.length();
        ensure(length);
        string.getChars(0, length, out, size);
        size += length;
    }

    private void append(char c) {
        ensure(1);
        out[size++] = c;
    }

    /** Appends the body's characters {@code from} to {@code to}. */
    private void appendBody(int from, int to) {
        int length = to - from;
        ensure(length);
        System.arraycopy(body, from, out, size, length);
        size += length;
    }

    /** Demotes the headings if there is an h1, and puts in the links' resolved URLs, in document order. */
    private String finish(Links resolver) {
        if (hasLevelOne) {
            for (int i = 0; i < headingDigitCount; i++) {
                int at = headingDigits[i];
                out[at] = (char) Math.min('6', out[at] + 1);
            }
        }
        if (linkCount == 0) {
            return new String(out, 0, size);
        }
        String[] hrefs = new String[linkCount];
        // Flexmark resolves each URL once per body (a missing target is one problem, at its first link).
        Map<String, String> resolved = new HashMap<>();
        int length = size;
        for (int k = 0; k < linkCount; k++) {
            int bracket = links[2 * k + 1];
            hrefs[k] = resolved.computeIfAbsent(urls[k], url -> Escaping.escapeHtml(resolver.resolve(url, bracket), true));
            length += hrefs[k].length();
        }
        char[] html = new char[length];
        int from = 0;
        int to = 0;
        for (int k = 0; k < linkCount; k++) {
            int at = links[2 * k];
            System.arraycopy(out, from, html, to, at - from);
            to += at - from;
            hrefs[k].getChars(0, hrefs[k].length(), html, to);
            to += hrefs[k].length();
            from = at;
        }
        System.arraycopy(out, from, html, to, size - from);
        return new String(html);
    }
}
