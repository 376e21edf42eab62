package dev.dbtls.project;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only map in its keys' order, held in two arrays: for the small maps a project holds by the
 * hundred thousand (a node's config, a data test's arguments). A {@link java.util.LinkedHashMap} of
 * 7 entries takes about 430 bytes, this one about 100; a lookup compares the keys one by one, which
 * for the few dozen keys of a config is as fast as hashing. Changes throw. Made by {@link
 * Shared#frozen}.
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {
  private final Object[] keys;
  private final Object[] values;

  private FrozenMap(Object[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** The first {@code n} keys and values of these arrays, which the caller no longer changes. */
  static <K, V> FrozenMap<K, V> of(Object[] keys, Object[] values, int n) {
    return n == keys.length
        ? new FrozenMap<>(sharedKeys(keys), values)
        : new FrozenMap<>(
            sharedKeys(java.util.Arrays.copyOf(keys, n)), java.util.Arrays.copyOf(values, n));
  }

  /** Slots of {@link #KEYS}: a power of two. */
  private static final int KEY_SLOTS = 1 << 12;

  /** The key arrays made last, each in the slot of its hash. */
  private static final Object[][] KEYS = new Object[KEY_SLOTS][];

  /**
   * One array for the maps with the same keys in the same order: most of a project's maps are alike
   * (every node's {@code extra}, a folder's configs, a test's arguments), and on 100,000 models
   * their 833,000 key arrays were each their own. A racing write only loses an entry.
   */
  private static Object[] sharedKeys(Object[] keys) {
    int slot = Shared.slot(java.util.Arrays.hashCode(keys), KEY_SLOTS);
    Object[] recent = KEYS[slot];
    if (recent != null && java.util.Arrays.equals(recent, keys)) {
      return recent;
    }
    KEYS[slot] = keys;
    return keys;
  }

  /** Whether this map and {@code other} hold one key array (the same keys in the same order). */
  boolean sharesKeysWith(FrozenMap<?, ?> other) {
    return keys == other.keys;
  }

  /** Whether {@code m} holds these keys and values, in this order (the maps among them too). */
  boolean sameInOrder(Map<?, ?> m) {
    if (m instanceof FrozenMap<?, ?> f) {
      if (f == this) {
        return true;
      }
      if (!Arrays.equals(keys, f.keys)) {
        return false;
      }
      for (int i = 0; i < keys.length; i++) {
        if (!InOrder.equal(values[i], f.values[i])) {
          return false;
        }
      }
      return true;
    }
    if (m.size() != keys.length) {
      return false;
    }
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (i == keys.length
          || !Objects.equals(keys[i], e.getKey())
          || !InOrder.equal(values[i], e.getValue())) {
        return false;
      }
      i++;
    }
    return i == keys.length;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    for (int i = 0; i < keys.length; i++) {
      if (Objects.equals(keys[i], key)) {
        return i;
      }
    }
    return -1;
  }

  /** As every map's, from the arrays: no entry made per key (a warm start hashes every config). */
  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < keys.length; i++) {
      h += Objects.hashCode(keys[i]) ^ Objects.hashCode(values[i]);
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrozenMap<?, ?> f ? sameInOrder(f) || super.equals(o) : super.equals(o);
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) values[i];
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<K, V> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
          }
        };
      }
    };
  }
}
