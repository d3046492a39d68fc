package org.tolk.render;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The rendered bodies of the articles that feeds carry, by {@link Renderer}'s body key (a hash of all a body
 * depends on), kept from one rendering for the next: in the preview's memory, or in the build cache. A feed
 * re-rendered for one edited article then need not render its nineteen other bodies again.
 *
 * <p>Bodies are held in UTF-8, as feeds write them (escaped byte by byte, {@link Xml#textUtf8}) and as the cache
 * stores them: encoded once, on the thread that rendered the article, rather than all at once while the build
 * saves its cache, and never decoded again.
 */
public final class FeedBodies {
    public static final FeedBodies NONE = new FeedBodies(Map.of());

    private final Map<Long, byte[]> bodies;

    private FeedBodies(Map<Long, byte[]> bodies) {
        this.bodies = Collections.unmodifiableMap(bodies);
    }

    /** @param bodies UTF-8 bytes by body key; the arrays are not copied and must not change */
    public static FeedBodies ofUtf8(Map<Long, byte[]> bodies) {
        return new FeedBodies(bodies);
    }

    /** The body with this key in UTF-8, or null. */
    public byte[] utf8(long key) {
        return bodies.get(key);
    }

    public Set<Long> keys() {
        return bodies.keySet();
    }
}
