package org.tolk.render;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The rendered bodies of the articles that feeds carry, by {@link Renderer}'s body key (a hash of all a body
 * depends on), kept from one rendering for the next: in the preview's memory, or in the build cache. A feed
 * re-rendered for one edited article then need not render its nineteen other bodies again.
 *
 * <p>Bodies read back from the cache stay UTF-8 bytes until a feed asks for one, and go back to the cache as
 * they are: a rebuild after one edit uses a few dozen of about a thousand, and decoding and encoding them all
 * (13 MB at 10,000 stories) cost more than it saved.
 */
public final class FeedBodies {
    public static final FeedBodies NONE = new FeedBodies(Map.of());

    /** Each body as a String or as UTF-8 bytes. */
    private final Map<Long, Object> bodies;

    private FeedBodies(Map<Long, Object> bodies) {
        this.bodies = Collections.unmodifiableMap(bodies);
    }

    /** Bodies as UTF-8 bytes, as the cache stores them. */
    public static FeedBodies ofUtf8(Map<Long, byte[]> bodies) {
        return new FeedBodies(Map.copyOf(bodies));
    }

    /** @param bodies Strings or UTF-8 bytes, as {@link #raw} gives them */
    static FeedBodies of(Map<Long, Object> bodies) {
        return new FeedBodies(bodies);
    }

    /** The body with this key, or null. */
    public String get(long key) {
        Object body = bodies.get(key);
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) body;
    }

    /** The body with this key as it is held (String or UTF-8 bytes), or null: for passing it on undecoded. */
    Object raw(long key) {
        return bodies.get(key);
    }

    /** The body with this key in UTF-8, or null. */
    public byte[] utf8(long key) {
        Object body = bodies.get(key);
        return body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) body;
    }

    public Set<Long> keys() {
        return bodies.keySet();
    }
}
