package dev.dbtls.index;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A read-only map that is another with the values of some of its keys replaced: what an edit's
 * manifest holds instead of a copy of every node and of its indexes by name and file (an edit
 * replaces nodes, never adds or removes one: {@link ManifestUpdate}). On 100,000 models those
 * copies were 338,000 entries and ~25 MB per keystroke's build, kept until the next one; now an
 * edit makes what it replaced (README benchmarks). Iterates in the order of the map it is made
 * over.
 *
 * <p>Edits do not stack layers: the next edit's map is made over the same base, with the values
 * both replaced. Past {@value #MOST_REPLACED} replaced keys it is a plain copy again, so that a
 * long session's lookups do not grow slower.
 */
public final class EditedMap<K, V> extends AbstractMap<K, V> {
  static final int MOST_REPLACED = 4096;

  private final Map<K, V> base;
  private final Map<K, V> replaced;

  /**
   * The base's keys, read-only: one set for every map over that base, so that what is worked out
   * once from a project's names ({@link DidYouMean}) serves the edits after it.
   */
  private final Set<K> keys;

  private EditedMap(Map<K, V> base, Map<K, V> replaced, Set<K> keys) {
    this.base = base;
    this.replaced = replaced;
    this.keys = keys;
  }

  /**
   * {@code previous} with the values in {@code changes} replacing its own; every key of {@code
   * changes} must be one of {@code previous} (a key it lacks is not added: the caller checks), and
   * no value is null (a null one would read as not replaced).
   */
  static <K, V> Map<K, V> of(Map<K, V> previous, Map<K, V> changes) {
    Map<K, V> base = previous instanceof EditedMap<K, V> e ? e.base : previous;
    Map<K, V> all = new HashMap<>(previous instanceof EditedMap<K, V> e ? e.replaced : Map.of());
    all.putAll(changes);
    all.keySet().retainAll(base.keySet());
    if (all.size() > MOST_REPLACED) {
      Map<K, V> copy = new LinkedHashMap<>(base);
      copy.putAll(all);
      return copy;
    }
    return new EditedMap<>(
        base,
        all,
        previous instanceof EditedMap<K, V> e
            ? e.keys
            : java.util.Collections.unmodifiableSet(base.keySet()));
  }

  /**
   * What a map was, for telling later which of its keys another map may have changed, without
   * keeping either map: its base weakly, and the keys replaced over it.
   */
  public static final class Mark<K> {
    private final java.lang.ref.WeakReference<Map<?, ?>> base;
    private final Set<K> replaced;

    private Mark(Map<?, ?> base, Set<K> replaced) {
      this.base = new java.lang.ref.WeakReference<>(base);
      this.replaced = replaced;
    }

    public static <K> Mark<K> of(Map<K, ?> map) {
      return map instanceof EditedMap<K, ?> e
          ? new Mark<>(e.base, Set.copyOf(e.replaced.keySet()))
          : new Mark<>(map, Set.of());
    }

    /**
     * The keys whose values may differ between the marked map and {@code now} (more, never fewer),
     * when both are made over the same map; null when that is not known without comparing every key
     * (then the key sets may differ too).
     */
    public Set<K> keysChangedIn(Map<K, ?> now) {
      Map<?, ?> b = base.get();
      Map<?, ?> nowBase = now instanceof EditedMap<K, ?> e ? e.base : now;
      if (b == null || b != nowBase) {
        return null;
      }
      Set<K> out = new java.util.HashSet<>(replaced);
      if (now instanceof EditedMap<K, ?> e) {
        out.addAll(e.replaced.keySet());
      }
      return out;
    }
  }

  @Override
  public V get(Object key) {
    V v = replaced.get(key);
    return v != null ? v : base.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return base.containsKey(key);
  }

  @Override
  public int size() {
    return base.size();
  }

  /** The base's keys, in its order: the same set for every map made over that base. */
  @Override
  public Set<K> keySet() {
    return keys;
  }

  @Override
  public boolean isEmpty() {
    return base.isEmpty();
  }

  @Override
  public Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<V> iterator() {
        return mapped(EditedMap.this::valueOf);
      }

      @Override
      public int size() {
        return base.size();
      }

      @Override
      public java.util.Spliterator<V> spliterator() {
        return java.util.Spliterators.spliterator(this, java.util.Spliterator.ORDERED);
      }
    };
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return mapped(e -> new SimpleImmutableEntry<>(e.getKey(), valueOf(e)));
      }

      @Override
      public int size() {
        return base.size();
      }

      @Override
      public java.util.Spliterator<Map.Entry<K, V>> spliterator() {
        return java.util.Spliterators.spliterator(
            this, java.util.Spliterator.ORDERED | java.util.Spliterator.DISTINCT);
      }
    };
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    base.forEach((k, v) -> action.accept(k, replaced.isEmpty() ? v : replacedOr(k, v)));
  }

  /** The base's entries in its order, each as {@code f} makes it (read-only). */
  private <T> Iterator<T> mapped(java.util.function.Function<Map.Entry<K, V>, T> f) {
    Iterator<Map.Entry<K, V>> entries = base.entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public T next() {
        return f.apply(entries.next());
      }
    };
  }

  private V valueOf(Map.Entry<K, V> e) {
    return replaced.isEmpty() ? e.getValue() : replacedOr(e.getKey(), e.getValue());
  }

  private V replacedOr(K key, V value) {
    V v = replaced.get(key);
    return v != null ? v : value;
  }
}
