package org.tolk.render;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;
import org.tolk.check.Problems;
import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.content.ContentPaths;
import org.tolk.site.Site;

import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.ContentNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * Renders article bodies with Flexmark: tables, footnotes, strikethrough, autolinks, typographic quotes
 * and dashes in the article language's own quotation marks, heading ids and {@code {attributes}}.
 * Relative links and images are resolved against the article's folder and point to wherever their
 * target is published; a link to a missing file is a problem at its line and column. Bodies of the plain
 * shape most news has are rendered by {@link PlainMarkdown}, to the same bytes, without Flexmark.
 */
public final class Markdown {
    private static final DataKey<LinkContext> LINK_CONTEXT = new DataKey<>("TOLK_LINK_CONTEXT", (LinkContext) null);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    /** Parser and renderer per language: they differ in quotation marks, and are thread-safe once built. */
    private record Engine(Parser parser, HtmlRenderer renderer) {
    }

    /**
     * The autolink extension costs as much as all other extensions together (measured: see BENCHMARKS.md),
     * and only does something for bare addresses; a body without one is parsed without it.
     */
    private static final Pattern BARE_ADDRESS = Pattern.compile("(?<![(<\"'=])(?:\\b(?:https?|ftp)://|\\bwww\\.|[\\w.+-]@[\\w-]+\\.\\w)");

    /** The article being rendered, and where its link problems go. */
    private record LinkContext(Site site, Article article, String body, Problems problems, java.util.Set<String> lookups) {

        LinkContext(Site site, Article article, String body, Problems problems) {
            this(site, article, body, problems, new java.util.TreeSet<>());
        }

        /**
         * The URL to publish for {@code url} as the author wrote it: relative paths resolved against the
         * article's folder, site paths given the base URL's path; external URLs and anchors unchanged.
         * A missing target is reported at {@code offset} (a position in the body) and left as written.
         */
        String resolve(String url, boolean image, int offset) {
            if (url.isEmpty() || url.startsWith("#") || url.startsWith("//") || SCHEME.matcher(url).matches()) {
                return url;
            }
            int cut = indexOfAny(url, '#', '?');
            String path = cut < 0 ? url : url.substring(0, cut);
            String suffix = cut < 0 ? "" : url.substring(cut);
            if (path.startsWith("/")) {
                // A site path written by the author: add the base URL's path so that it works from a subfolder.
                return site.urls().href(path) + suffix;
            }
            String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            String target = ContentPaths.resolve(article.contentFolder(), decoded);
            if (target != null) {
                lookups.add(target);
            }
            if (target == null) {
                report(offset, "link '" + url + "' leads outside content/");
                return url;
            }
            String sitePath = site.linkTargets().get(target);
            if (sitePath != null) {
                return site.urls().href(sitePath) + suffix;
            }
            if (!target.isEmpty() && !target.endsWith("/")) {
                String what = image ? "image" : target.endsWith(".md") ? "article" : "file";
                report(offset, "missing " + what + " '" + url + "': there is no content/" + target);
            }
            return url;
        }

        private void report(int offset, String message) {
            int end = Math.min(Math.max(offset, 0), body.length());
            int line = article.bodyLine();
            int lineStart = 0;
            for (int i = 0; i < end; i++) {
                if (body.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.error(article.sourcePath(), line, end - lineStart + 1, message);
        }

        private static int indexOfAny(String s, char a, char b) {
            int i = s.indexOf(a);
            int j = s.indexOf(b);
            return i < 0 ? j : j < 0 ? i : Math.min(i, j);
        }
    }

    /** How heading ids are made from their text, for Flexmark and for {@link PlainMarkdown}: "Wat er gebeurde" → "wat-er-gebeurde". */
    static final String HEADING_ID_DASH_CHARS = " -_";
    static final boolean HEADING_ID_NO_DUPED_DASHES = true;

    /*
     * Extensions a body may need. Each costs on every body, used or not (the tables and attributes
     * extensions compile regular expressions for every document), so a body is parsed only with those
     * whose syntax it has: a table needs '|', attributes '{', a footnote "[^", strikethrough '~'.
     */
    private static final int AUTOLINK = 1;
    private static final int TABLES = 2;
    private static final int ATTRIBUTES = 4;
    private static final int FOOTNOTES = 8;
    private static final int STRIKETHROUGH = 16;
    /*
     * Flexmark's parsers for fenced code, lists and thematic breaks try a regular expression at the start
     * of every line of every paragraph (3 % of a cold build); a body with nothing any of them could start
     * on is parsed without it. Leaving out a parser that could never start a block changes nothing, and
     * the others keep their order.
     */
    private static final int FENCES = 32;
    private static final int LISTS = 64;
    private static final int BREAKS = 128;
    private static final int ALL_FEATURES = 255;

    private final Site site;
    /** Per language, an engine per combination of extensions, built when a body first needs it. */
    private final Map<String, AtomicReferenceArray<Engine>> engines = new HashMap<>();
    private final Map<String, String> quotes = new HashMap<>();
    private final SiteConfig.HtmlPolicy htmlPolicy;

    public Markdown(Site site, Map<String, Strings> strings) {
        this.site = site;
        this.htmlPolicy = site.config().markdownHtml();
        for (Language language : site.config().languages()) {
            quotes.put(language.key(), strings.get(language.key()).get("quotes"));
            engines.put(language.key(), new AtomicReferenceArray<>(ALL_FEATURES + 1));
        }
    }

    /** The characters that {@link #features(String, char[])} looks at. */
    private static final boolean[] NOTABLE = new boolean[128];

    static {
        for (char c : "|{~[:w@`-*_\n\r".toCharArray()) {
            NOTABLE[c] = true;
        }
    }

    /** The extensions {@code body} may use, found in one pass over it. */
    static int features(String body) {
        return features(body, body.toCharArray());
    }

    /** The extensions {@code body}, whose characters are {@code chars}, may use. */
    private static int features(String body, char[] chars) {
        // A char array is read much faster than String.charAt in a long loop (the quick compiler keeps its checks),
        // and most characters are let through by one look at a table, before the switch's comparisons.
        int n = chars.length;
        int features = listMarkerAt(chars, 0);
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 128 || !NOTABLE[c]) {
                continue;
            }
            switch (c) {
                case '\n', '\r' -> features |= listMarkerAt(chars, i + 1);
                case '-', '*', '_' -> {
                    if ((features & BREAKS) == 0 && thriceAt(chars, i)) {
                        features |= BREAKS;
                    }
                }
                case '`' -> {
                    if (thriceAt(chars, i)) {
                        features |= FENCES;
                    }
                }
                case '|' -> features |= TABLES;
                case '{' -> features |= ATTRIBUTES;
                case '~' -> {
                    features |= STRIKETHROUGH;
                    if (thriceAt(chars, i)) {
                        features |= FENCES;
                    }
                }
                case '[' -> {
                    if (i + 1 < n && chars[i + 1] == '^') {
                        features |= FOOTNOTES;
                    }
                }
                case ':' -> {
                    if ((features & AUTOLINK) == 0 && body.startsWith("://", i) && bareAddressAround(body, i, 3)) {
                        features |= AUTOLINK;
                    }
                }
                case 'w' -> {
                    if ((features & AUTOLINK) == 0 && body.startsWith("www.", i) && bareAddressAround(body, i, 4)) {
                        features |= AUTOLINK;
                    }
                }
                case '@' -> {
                    if ((features & AUTOLINK) == 0 && bareAddressAround(body, i, 1)) {
                        features |= AUTOLINK;
                    }
                }
                default -> {
                }
            }
        }
        // A footnote's text may hold any block.
        return (features & FOOTNOTES) != 0 ? features | FENCES | LISTS | BREAKS : features;
    }

    /**
     * LISTS if a list item could begin on the line at {@code at}: after spaces, tabs and '>' (the
     * markers of quotes and the indentation of lists), a bullet followed by white space, or digits
     * followed by '.' or ')'. A list item inside another begins after that one's marker, at a line start too.
     */
    private static int listMarkerAt(char[] chars, int at) {
        int n = chars.length;
        int i = at;
        while (i < n && (chars[i] == ' ' || chars[i] == '\t' || chars[i] == '>')) {
            i++;
        }
        if (i == n) {
            return 0;
        }
        char c = chars[i];
        if (c == '-' || c == '*' || c == '+') {
            return i + 1 == n || endsBullet(chars[i + 1]) ? LISTS : 0;
        }
        int digits = i;
        while (i < n && chars[i] >= '0' && chars[i] <= '9') {
            i++;
        }
        return i > digits && i < n && (chars[i] == '.' || chars[i] == ')') ? LISTS : 0;
    }

    /**
     * Whether {@code c} after a bullet makes it one: white space, or what Flexmark's pattern takes for the end
     * of the line ({@code $}, which Java's regular expressions also find before U+0085, U+2028 and U+2029).
     */
    private static boolean endsBullet(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Whether the character at {@code at} comes three times, with nothing but spaces and tabs between (a fence or a thematic break). */
    private static boolean thriceAt(char[] chars, int at) {
        char c = chars[at];
        int count = 1;
        for (int i = at + 1; i < chars.length && count < 3; i++) {
            if (chars[i] == c) {
                count++;
            } else if (chars[i] != ' ' && chars[i] != '\t') {
                break;
            }
        }
        return count == 3;
    }

    private Engine engine(String language, int features) {
        AtomicReferenceArray<Engine> built = engines.get(language);
        Engine engine = built.get(features);
        if (engine == null) {
            // Two threads may both build one: they are equal, and either is kept.
            engine = engine(quotes.get(language), htmlPolicy, features, true);
            built.compareAndSet(features, null, engine);
        }
        return engine;
    }

    /**
     * Flexmark set up for a language's quotes and a set of extensions; {@code quick} adds Tolk's faster
     * scan and text rendering, which must not change a byte (the tests compare with Flexmark's own).
     */
    private static Engine engine(String quotes, SiteConfig.HtmlPolicy htmlPolicy, int features, boolean quick) {
        MutableDataSet options = new MutableDataSet();
        List<com.vladsch.flexmark.util.misc.Extension> extensions = new java.util.ArrayList<>();
        if ((features & TABLES) != 0) {
            extensions.add(TablesExtension.create());
        }
        if ((features & FOOTNOTES) != 0) {
            extensions.add(FootnoteExtension.create());
        }
        if ((features & STRIKETHROUGH) != 0) {
            extensions.add(StrikethroughExtension.create());
        }
        extensions.add(TypographicExtension.create());
        if ((features & ATTRIBUTES) != 0) {
            extensions.add(AttributesExtension.create());
        }
        options.set(Parser.FENCED_CODE_BLOCK_PARSER, (features & FENCES) != 0);
        options.set(Parser.LIST_BLOCK_PARSER, (features & LISTS) != 0);
        options.set(Parser.THEMATIC_BREAK_PARSER, (features & BREAKS) != 0);
        extensions.add(new LinkResolverExtension(quick));
        if ((features & AUTOLINK) != 0) {
            extensions.add(AutolinkExtension.create());
        }
        options.set(Parser.EXTENSIONS, extensions);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, HEADING_ID_DASH_CHARS);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, HEADING_ID_NO_DUPED_DASHES);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        if (quotes != null && quotes.codePointCount(0, quotes.length()) == 4) {
            int[] q = quotes.codePoints().toArray();
            options.set(TypographicExtension.DOUBLE_QUOTE_OPEN, Character.toString(q[0]));
            options.set(TypographicExtension.DOUBLE_QUOTE_CLOSE, Character.toString(q[1]));
            options.set(TypographicExtension.SINGLE_QUOTE_OPEN, Character.toString(q[2]));
            options.set(TypographicExtension.SINGLE_QUOTE_CLOSE, Character.toString(q[3]));
            // The apostrophe in "don't" is a closing single quote in English typography.
            options.set(TypographicExtension.SINGLE_QUOTE_UNMATCHED, "’");
        }
        options.set(TypographicExtension.EN_DASH, "–");
        options.set(TypographicExtension.EM_DASH, "—");
        options.set(TypographicExtension.ELLIPSIS, "…");
        if (htmlPolicy == SiteConfig.HtmlPolicy.ESCAPE) {
            options.set(HtmlRenderer.ESCAPE_HTML, true);
        }
        return new Engine(Parser.builder(options).build(), HtmlRenderer.builder(options).build());
    }

    /** The article's body as HTML. Problems with its links go to {@code problems}. */
    public String render(Article article, Problems problems) {
        return renderTracked(article, problems).html();
    }

    /**
     * The body as Flexmark renders it without Tolk's quicker scan and text rendering, without
     * {@link PlainMarkdown} and with all its block parsers, its link problems going to {@code problems}:
     * what the tests compare with.
     */
    Rendered renderWithFlexmarkAlone(Article article, Problems problems) {
        String body = article.body();
        // The extensions the body's syntax calls for (Flexmark's autolinker with every body would link
        // "wordhttps://…"), every block parser.
        Engine engine = engine(quotes.get(article.language()), htmlPolicy, features(body) | FENCES | LISTS | BREAKS, false);
        Document document = engine.parser().parse(body);
        LinkContext links = new LinkContext(site, article, body, problems);
        ready(document, links);
        return new Rendered(engine.renderer().render(document), List.copyOf(links.lookups()));
    }

    /**
     * What a parsed body needs before it is rendered: headings demoted, and its links (Markdown and raw
     * HTML) pointed at their published targets through {@code links}.
     */
    private void ready(Document document, LinkContext links) {
        demoteHeadings(document);
        document.set(LINK_CONTEXT, links);
        if (htmlPolicy != SiteConfig.HtmlPolicy.ESCAPE) {
            resolveRawHtml(document, links);
        }
    }

    /**
     * A rendered body and the content paths its relative links were resolved against: the body's bytes
     * depend on where those targets are published, and on nothing else outside the article.
     */
    public record Rendered(String html, List<String> lookups) {
    }

    public Rendered renderTracked(Article article, Problems problems) {
        String body = article.body();
        char[] chars = body.toCharArray();
        LinkContext links = new LinkContext(site, article, body, problems);
        String html = PlainMarkdown.render(body, chars, htmlPolicy != SiteConfig.HtmlPolicy.ESCAPE, (url, offset) -> links.resolve(url, false, offset));
        if (html == null) {
            Engine engine = engine(article.language(), features(body, chars));
            Document document = engine.parser().parse(BasedSequence.of(new BodyChars(body, chars)));
            ready(document, links);
            html = render(engine.renderer(), document, body, chars);
        }
        if (htmlPolicy == SiteConfig.HtmlPolicy.SANITIZE) {
            html = sanitize(html, site.config().baseUrl().toString());
        }
        return new Rendered(html, List.copyOf(links.lookups()));
    }

    /**
     * A body as Flexmark reads it, character by character: from an array, for under a build's quick
     * compiler each {@link String#charAt} is several calls, each with its own checks. Flexmark's line
     * splitting and its inline parser's scan for special characters read every character of every body.
     */
    private static final class BodyChars implements CharSequence {
        private final String text;
        private final char[] chars;

        BodyChars(String text, char[] chars) {
            this.text = text;
            this.chars = chars;
        }

        @Override
        public int length() {
            return chars.length;
        }

        @Override
        public char charAt(int index) {
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Renders {@code document} with its texts set aside (see {@link TextSlots}), then puts them in. Should
     * the result not hold exactly one placeholder per text, it is rendered again the ordinary way.
     */
    private static String render(HtmlRenderer renderer, Document document, String body, char[] chars) {
        TextSlots slots = TextSlots.forBody(body, chars);
        if (slots == null) {
            return renderer.render(document);
        }
        document.set(TEXT_SLOTS, slots);
        String html = renderer.render(document);
        document.remove(TEXT_SLOTS);
        String filled = slots.fill(html);
        return filled != null ? filled : renderer.render(document);
    }

    private static final DataKey<TextSlots> TEXT_SLOTS = new DataKey<>("TOLK_TEXT_SLOTS", (TextSlots) null);

    /**
     * Flexmark's HTML writer takes every character of its output one by one through its line formatting,
     * which was the most of its rendering time, and its text is most of the output. Text that begins
     * and ends with a character other than white space and holds no line break comes out of that
     * formatting as it went in, and changes its state as any one such character would: it goes in as one
     * placeholder character, and is put in place after rendering, in one pass. White space at a text's
     * ends goes in as it is.
     */
    private static final class TextSlots {
        private final char placeholder;
        private final String placeholderText;
        /** The body's characters, which most texts are ranges of. */
        private final char[] body;
        /** The texts in order: a String, or (null) the range of {@link #body} at the same index of {@link #ranges}. */
        private String[] texts = new String[64];
        private int[] ranges = new int[128];
        private int count;
        private int length;

        private TextSlots(char placeholder, char[] body) {
            this.placeholder = placeholder;
            this.placeholderText = String.valueOf(placeholder);
            this.body = body;
        }

        /**
         * Slots with a placeholder (a private-use character) that {@code body}, whose characters are
         * {@code chars}, does not have; null if it has them all.
         */
        static TextSlots forBody(String body, char[] chars) {
            for (char c = '\uE000'; c < '\uE010'; c++) {
                if (body.indexOf(c) < 0) {
                    return new TextSlots(c, chars);
                }
            }
            return null;
        }

        /** Whether {@code chars} are this body's: then its texts can be written from them by position. */
        boolean isOf(char[] chars) {
            return chars == body;
        }

        /**
         * Writes the text at {@code start}–{@code end} of a body's characters, if it needs no more than
         * escaping: what {@link #write(HtmlWriter, String)} does with it escaped, in one pass over the
         * array and without copying it until {@link #fill}. Returns false, having written nothing, for
         * text that takes the general way: with an entity or backslash to unescape, a line break, a
         * carriage return or NUL, or under two characters between white space.
         */
        boolean writeFromBody(HtmlWriter html, int start, int end) {
            int first = start;
            int last = end;
            while (first < last && isSpace(body[first])) {
                first++;
            }
            while (last > first && isSpace(body[last - 1])) {
                last--;
            }
            if (last - first < 2) {
                return false;
            }
            boolean escape = false;
            for (int i = first; i < last; i++) {
                char c = body[i];
                // Every character of interest but the backslash is at most '>'; most text is letters above it.
                if (c <= '>') {
                    switch (c) {
                        case '\0', '\n', '\r', '&' -> {
                            return false;
                        }
                        case '<', '>', '"' -> escape = true;
                        default -> {
                        }
                    }
                } else if (c == '\\') {
                    return false;
                }
            }
            if (first > start) {
                html.raw(spaces(body, start, first));
            }
            html.raw(placeholderText);
            if (escape) {
                String middle = PlainTextRenderer.escapeHtml(new String(body, first, last - first));
                add(middle, 0, middle.length());
            } else {
                add(null, first, last);
            }
            if (end > last) {
                html.raw(spaces(body, last, end));
            }
            return true;
        }

        private static String spaces(char[] body, int from, int to) {
            return to - from == 1 && body[from] == ' ' ? " " : new String(body, from, to - from);
        }

        /** A text to put in: {@code from}–{@code to} of {@code text}, or of the body if {@code text} is null. */
        private void add(String text, int from, int to) {
            if (count == texts.length) {
                texts = java.util.Arrays.copyOf(texts, count * 2);
                ranges = java.util.Arrays.copyOf(ranges, count * 4);
            }
            texts[count] = text;
            ranges[2 * count] = from;
            ranges[2 * count + 1] = to;
            count++;
            length += to - from;
        }

        /**
         * Writes {@code text} (escaped) to {@code html}: the white space at its ends as it is, so that the
         * writer treats it as before, and what is between as a placeholder.
         */
        void write(HtmlWriter html, String text) {
            int first = 0;
            int end = text.length();
            while (first < end && isSpace(text.charAt(first))) {
                first++;
            }
            while (end > first && isSpace(text.charAt(end - 1))) {
                end--;
            }
            if (end - first < 2 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf(placeholder) >= 0) {
                html.raw(text);
                return;
            }
            if (first > 0) {
                html.raw(text.substring(0, first));
            }
            html.raw(placeholderText);
            String middle = first == 0 && end == text.length() ? text : text.substring(first, end);
            add(middle, 0, middle.length());
            if (end < text.length()) {
                html.raw(text.substring(end));
            }
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t';
        }

        /** {@code html} with the texts in place of the placeholders, or null if their numbers differ. */
        String fill(String html) {
            int count = 0;
            for (int at = html.indexOf(placeholder); at >= 0; at = html.indexOf(placeholder, at + 1)) {
                count++;
            }
            if (count != this.count) {
                return null;
            }
            char[] out = new char[html.length() - count + length];
            int from = 0;
            int to = 0;
            for (int i = 0; i < count; i++) {
                int at = html.indexOf(placeholder, from);
                html.getChars(from, at, out, to);
                to += at - from;
                int start = ranges[2 * i];
                int size = ranges[2 * i + 1] - start;
                if (texts[i] != null) {
                    texts[i].getChars(start, start + size, out, to);
                } else {
                    System.arraycopy(body, start, out, to, size);
                }
                to += size;
                from = at + 1;
            }
            html.getChars(from, html.length(), out, to);
            return new String(out);
        }
    }

    /**
     * The page's title is its only h1; an author's "# Heading" in the body becomes an h2, and the
     * levels below it shift with it, so the outline stays intact.
     */
    private static void demoteHeadings(Document document) {
        List<Heading> headings = new java.util.ArrayList<>();
        new NodeVisitor(new VisitHandler<>(Heading.class, headings::add)).visit(document);
        if (headings.stream().anyMatch(h -> h.getLevel() == 1)) {
            headings.forEach(h -> h.setLevel(Math.min(6, h.getLevel() + 1)));
        }
    }

    /**
     * Whether {@code body} has an address that is not already a link: a regular expression over the
     * whole body was a fifth of Markdown time, so only the places around "://", "www." and "@" are
     * looked at.
     */
    static boolean hasBareAddress(String body) {
        return (features(body) & AUTOLINK) != 0;
    }

    /**
     * Whether the text around a "://", "www." or "@" of {@code length} characters at {@code at} is a bare address.
     * After an "@" the pattern needs the whole domain label up to its dot, however long ("@example.org").
     */
    static boolean bareAddressAround(String body, int at, int length) {
        int from = Math.max(0, at - 12);
        int to = at + length + 4;
        if (length == 1) {
            to = at + 1;
            while (to < body.length() && (Character.isLetterOrDigit(body.charAt(to)) || body.charAt(to) == '_' || body.charAt(to) == '-')) {
                to++;
            }
            to += 2;   // the dot and the first character after it
        }
        return BARE_ADDRESS.matcher(body).region(from, Math.min(body.length(), to)).useTransparentBounds(true).find();
    }

    /** Contributed HTML is cut down to what an article needs: no scripts, no event handlers, no javascript: URLs. */
    private static String sanitize(String html, String baseUrl) {
        Safelist safelist = Safelist.relaxed()
                .addTags("figure", "figcaption", "abbr", "mark", "del", "ins", "s", "sup", "sub", "hr", "section", "aside", "time")
                .addAttributes(":all", "id", "class", "lang", "dir", "title")
                .addAttributes("abbr", "title")
                .addAttributes("time", "datetime")
                .addAttributes("a", "rel", "hreflang")
                .addAttributes("td", "style").addAttributes("th", "style")
                .preserveRelativeLinks(true);
        OutputSettings settings = new OutputSettings().prettyPrint(false);
        // The base URL lets jsoup check the protocol of site-relative links; they stay relative.
        return Jsoup.clean(html, baseUrl, safelist, settings);
    }

    private static final class LinkResolverExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
        private final boolean quick;

        LinkResolverExtension(boolean quick) {
            this.quick = quick;
        }

        @Override
        public void rendererOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            if (quick) {
                builder.nodeRendererFactory(options -> new PlainTextRenderer());
            }
            builder.linkResolverFactory(new IndependentLinkResolverFactory() {
                @Override
                public LinkResolver apply(LinkResolverBasicContext context) {
                    return new SiteLinkResolver(LINK_CONTEXT.get(context.getDocument()));
                }
            });
        }

        @Override
        public void parserOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {
        }

        @Override
        public void extend(Parser.Builder builder) {
            if (quick) {
                builder.customInlineParserFactory(QuickMatchInlineParser::new);
            }
        }
    }

    /**
     * Flexmark's inline parser, with {@code match} not taking {@link Matcher#toMatchResult()}: that copies
     * the whole paragraph, character by character, for every match (each link's closing bracket takes
     * several), to read two numbers the matcher has already.
     */
    private static final class QuickMatchInlineParser extends CommonmarkInlineParser {
        QuickMatchInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                     Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                     List<InlineParserExtensionFactory> inlineParserExtensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
        }

        /** {@link #specialCharacters} below 128 as a table, with NUL standing for U+FFFD as a SubSequence reads it. */
        private boolean[] special;
        private BitSet specialOf;

        @Override
        public void initializeDocument(Document document) {
            super.initializeDocument(document);
            special = null;   // the document's extensions add special characters
        }

        @Override
        public List<Node> parseCustom(BasedSequence input, Node node, BitSet customCharacters,
                                      Map<Character, com.vladsch.flexmark.parser.block.CharacterNodeFactory> nodeFactoryMap) {
            try {
                return super.parseCustom(input, node, customCharacters, nodeFactoryMap);
            } finally {
                special = null;   // custom characters stay added to the special ones
            }
        }

        /**
         * Flexmark's scan to the next special character, reading a body's characters from its array, and
         * the special ones from a table: it reads every character of every paragraph, and each
         * {@code BasedSequence.charAt} and {@code BitSet.get} is a call with checks under the quick compiler.
         */
        @Override
        protected boolean parseString() {
            if (customCharacters != null || !(input instanceof SubSequence) || !(input.getBase() instanceof BodyChars body)) {
                return super.parseString();
            }
            if (special == null || specialOf != specialCharacters) {
                special = new boolean[128];
                for (char c = 1; c < 128; c++) {
                    special[c] = specialCharacters.get(c);
                }
                special[0] = specialCharacters.get('\uFFFD');
                specialOf = specialCharacters;
            }
            char[] chars = body.chars;
            int offset = input.getStartOffset();
            int length = input.length();
            int begin = index;
            int i = begin;
            while (i != length) {
                char c = chars[offset + i];
                if (c < 128 ? special[c] : specialCharacters.get(c)) {
                    break;
                }
                i++;
            }
            index = i;
            if (begin == i) {
                return false;
            }
            appendText(input, begin, i);
            return true;
        }

        @Override
        public BasedSequence match(Pattern re) {
            if (index >= input.length()) {
                return null;
            }
            Matcher matcher = re.matcher(input);
            matcher.region(index, input.length());
            if (!matcher.find()) {
                return null;
            }
            index = matcher.end();
            return input.subSequence(matcher.start(), index);
        }
    }

    /**
     * Renders text as Flexmark's core renderer does ({@code html.text(normalizeEOL(chars.unescape()))}),
     * without its costs for the common case: plain text with nothing to unescape or normalise is taken
     * from the body as one substring instead of character by character, three times over, and escaped in
     * one pass. Text nodes were half of Flexmark's rendering time.
     */
    private static final class PlainTextRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Text.class, (node, context, html) -> {
                TextSlots slots = TEXT_SLOTS.get(context.getDocument());
                BasedSequence chars = node.getChars();
                if (slots != null && chars instanceof SubSequence && chars.getBase() instanceof BodyChars body && slots.isOf(body.chars)
                        && slots.writeFromBody(html, chars.getStartOffset(), chars.getEndOffset())) {
                    return;
                }
                String text = escapeHtml(plain(chars));
                if (slots == null) {
                    html.raw(text);
                } else {
                    slots.write(html, text);
                }
            }));
        }

        /** The text as Flexmark's unescape and normalizeEOL would leave it. */
        private static String plain(BasedSequence chars) {
            String text = null;
            if (chars instanceof SubSequence && chars.getBase() instanceof BodyChars base) {
                text = base.text.substring(chars.getStartOffset(), chars.getEndOffset());
                // A SubSequence reads NUL as U+FFFD; such text takes the general way.
                if (text.indexOf('\0') >= 0) {
                    text = null;
                }
            }
            if (text == null) {
                text = chars.toString();
            }
            if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
                text = chars.unescape();
            }
            return text.indexOf('\r') >= 0 ? Escaping.normalizeEOL(text) : text;
        }

        /** Flexmark's escapeHtml without entities preserved: {@code & < > "}. */
        static String escapeHtml(String text) {
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == '&' || c == '<' || c == '>' || c == '"') {
                    break;
                }
                i++;
            }
            if (i == n) {
                return text;
            }
            StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
            for (; i < n; i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }

    /** Points Markdown links and images at the published URL of their target. */
    private static final class SiteLinkResolver implements LinkResolver {
        private static final Set<LinkType> RESOLVED = Set.of(LinkType.LINK, LinkType.IMAGE);
        private final LinkContext context;

        SiteLinkResolver(LinkContext context) {
            this.context = context;
        }

        @Override
        public ResolvedLink resolveLink(Node node, LinkResolverBasicContext basic, ResolvedLink link) {
            if (context == null || !RESOLVED.contains(link.getLinkType())) {
                return link;
            }
            String url = link.getUrl();
            String resolved = context.resolve(url, link.getLinkType() == LinkType.IMAGE, node.getStartOffset());
            return resolved.equals(url) ? link : link.withUrl(resolved).withStatus(LinkStatus.VALID);
        }
    }

    /**
     * Raw HTML in Markdown ({@code <figure><img src="durov.jpg">…}) gets the same treatment as
     * Markdown links: its relative {@code src} and {@code href} point to the published file.
     */
    private static void resolveRawHtml(Document document, LinkContext context) {
        List<Node> raw = new java.util.ArrayList<>();
        new NodeVisitor(new VisitHandler<>(HtmlBlock.class, raw::add), new VisitHandler<>(HtmlInline.class, raw::add)).visit(document);
        for (Node node : raw) {
            String text = node.getChars().toString();
            Matcher m = RAW_URL.matcher(text);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String url = m.group(3);
                String resolved = context.resolve(url, m.group(1).equalsIgnoreCase("src"), node.getStartOffset() + m.start(3));
                changed |= !resolved.equals(url);
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "=" + m.group(2) + resolved + m.group(2)));
            }
            if (changed) {
                m.appendTail(out);
                BasedSequence chars = BasedSequence.of(out.toString());
                node.setChars(chars);
                if (node instanceof ContentNode block) {
                    // A block renders from its content lines, not from its characters.
                    List<BasedSequence> lines = new java.util.ArrayList<>();
                    int from = 0;
                    for (int i = 0; i < chars.length(); i++) {
                        if (chars.charAt(i) == '\n') {
                            lines.add(chars.subSequence(from, i + 1));
                            from = i + 1;
                        }
                    }
                    if (from < chars.length()) {
                        lines.add(chars.subSequence(from, chars.length()));
                    }
                    block.setContent(chars, lines);
                }
            }
        }
    }

    /** Whether raw HTML {@code html} has a {@code src} or {@code href} that {@link #resolveRawHtml} would resolve. */
    static boolean hasRawUrl(String html) {
        return RAW_URL.matcher(html).find();
    }

    private static final Pattern RAW_URL = Pattern.compile("\\b(src|href)\\s*=\\s*([\"'])([^\"']*)\\2", Pattern.CASE_INSENSITIVE);
}
