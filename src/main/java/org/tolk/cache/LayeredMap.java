package org.tolk.cache;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-only map made of a few changes laid over a larger map: what a rebuild after one edit has, where
 * 23,000 page fingerprints or served files are the previous ones but for a handful. Copying the larger map
 * for every rebuild was most of the preview's rebuild time at 10,000 stories; this costs as much as the
 * changes. Layers do not pile up: laid over another layered map, the changes are merged into one layer
 * over the same base, and once they are a sizeable part of it the whole is copied into a plain map.
 *
 * <p>Neither map may change afterwards. Values are never null.
 */
public final class LayeredMap<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> base;
    private final Map<K, V> changes;
    private final int size;

    private LayeredMap(Map<K, V> base, Map<K, V> changes) {
        this.base = base;
        this.changes = changes;
        int added = 0;
        for (K key : changes.keySet()) {
            if (!base.containsKey(key)) {
                added++;
            }
        }
        this.size = base.size() + added;
    }

    /** {@code changes} over {@code base}: a key of both has its value in {@code changes}. */
    public static <K, V> Map<K, V> of(Map<K, V> base, Map<K, V> changes) {
        if (changes.isEmpty()) {
            return base;
        }
        Map<K, V> under = base;
        Map<K, V> over = changes;
        if (base instanceof LayeredMap<K, V> layered) {
            under = layered.base;
            over = new HashMap<>(layered.changes);
            over.putAll(changes);
        }
        if (over.size() > 64 && over.size() > under.size() / 8) {
            Map<K, V> flat = new HashMap<>(under);
            flat.putAll(over);
            return java.util.Collections.unmodifiableMap(flat);
        }
        return new LayeredMap<>(under, over);
    }

    @Override
    public V get(Object key) {
        V value = changes.get(key);
        return value != null ? value : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return changes.containsKey(key) || base.containsKey(key);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> over = changes.entrySet().iterator();
                Iterator<Entry<K, V>> under = base.entrySet().iterator();
                return new Iterator<>() {
                    private Entry<K, V> next = advance();

                    /** The changes' entries first, then the base's that no change hides. */
                    private Entry<K, V> advance() {
                        if (over.hasNext()) {
                            return over.next();
                        }
                        while (under.hasNext()) {
                            Entry<K, V> entry = under.next();
                            if (!changes.containsKey(entry.getKey())) {
                                return entry;
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Entry<K, V> next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        Entry<K, V> entry = next;
                        next = advance();
                        return entry;
                    }
                };
            }
        };
    }
}
