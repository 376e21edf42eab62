package dev.dbtls.project.yaml;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Shared;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Builds {@link YamlNode}s from SnakeYAML parser events: the first document only, anchors and
 * aliases resolved, {@code <<} merge keys applied, plain scalars typed as YAML 1.1 does (booleans,
 * null, integers, floats), quoted scalars kept as strings.
 *
 * <p>Iterative (an explicit stack, never the Java one) and bounded by {@link YamlLimits}: the
 * nesting depth, counted through aliases too (an alias puts its whole target where it stands); the
 * nodes aliases add when expanded (an alias shares its target, but every walk over the tree sees
 * the target again: nine levels of nine aliases are 387 million nodes to a walk); the length of a
 * scalar and of a key. Going past one throws {@link YamlLimits.Exceeded}.
 */
final class EventTree {
  /** An anchored node with what expanding it costs: its node count and height. */
  private record Anchored(YamlNode node, long size, int height) {}

  /** A collection being read: its items (a list) or entries (a map), and what it adds up to. */
  private static final class Frame {
    final Event start;
    final boolean isMap;
    // a list's items or a map's entries and their keys' spans: the other kind's left null
    final List<YamlNode> items;
    final Map<String, YamlNode> entries;
    final Map<String, Span> keys;
    YamlNode pendingKey;
    boolean merged;
    long size = 1;
    int height = 1;

    Frame(Event start) {
      this.start = start;
      this.isMap = start instanceof MappingStartEvent;
      this.items = isMap ? null : new ArrayList<>();
      this.entries = isMap ? new LinkedHashMap<>() : null;
      this.keys = isMap ? new LinkedHashMap<>() : null;
    }
  }

  private final Iterator<Event> events;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final YamlLimits limits;
  private final boolean shareTexts;
  private long aliasNodes;
  private boolean keysMayRepeat;

  /** {@code shareTexts}: string scalars and keys go through {@link Shared#text}. */
  EventTree(Iterator<Event> events, YamlLimits limits, boolean shareTexts) {
    this.events = events;
    this.limits = limits;
    this.shareTexts = shareTexts;
  }

  /**
   * Whether a mapping read so far may hold a key twice as written: a key put twice, a second {@code
   * <<}, or a key whose text is typed as other than a string (two texts may give one value); false
   * when every mapping's keys are written differently.
   */
  boolean keysMayRepeat() {
    return keysMayRepeat;
  }

  /** The first document's root, or null for an empty stream. */
  YamlNode document() {
    while (events.hasNext()) {
      Event e = events.next();
      if (e.is(Event.ID.DocumentStart)) {
        Event first = events.next();
        return first.is(Event.ID.DocumentEnd) ? null : node(first);
      }
      if (e.is(Event.ID.StreamEnd)) {
        return null;
      }
    }
    return null;
  }

  /** The node that starts with event {@code first}, read to its end without recursion. */
  private YamlNode node(Event first) {
    List<Frame> stack = new ArrayList<>();
    Event e = first;
    while (true) {
      YamlNode done;
      long size;
      int height;
      if (e instanceof CollectionStartEvent) {
        if (stack.size() >= limits.maxDepth()) {
          throw new YamlLimits.Exceeded(
              ProblemCode.YAML_TOO_DEEP,
              e.getStartMark(),
              "YAML nested more than " + limits.maxDepth() + " levels deep");
        }
        stack.add(new Frame(e));
        e = events.next();
        continue;
      }
      if (e.is(Event.ID.SequenceEnd) || e.is(Event.ID.MappingEnd)) {
        Frame f = stack.remove(stack.size() - 1);
        Span span = span(f.start.getStartMark(), e.getEndMark());
        done =
            f.isMap
                ? new YamlMap(f.entries, f.keys, span)
                : new YamlList(List.copyOf(f.items), span);
        size = f.size;
        height = f.height;
        remember(f.start, done, size, height);
      } else if (e instanceof AliasEvent a) {
        Anchored target = anchors.get(a.getAnchor());
        if (target == null) {
          done = new YamlScalar(null, span(e.getStartMark(), e.getEndMark()));
          size = 1;
          height = 0;
        } else {
          done = target.node();
          size = target.size();
          height = target.height();
          aliasNodes += size;
          if (aliasNodes > limits.maxAliasNodes()) {
            throw new YamlLimits.Exceeded(
                ProblemCode.YAML_ALIAS_BOMB,
                e.getStartMark(),
                "YAML aliases expand to more than "
                    + limits.maxAliasNodes()
                    + " nodes (an alias bomb?)");
          }
          if (stack.size() + height > limits.maxDepth()) {
            throw new YamlLimits.Exceeded(
                ProblemCode.YAML_TOO_DEEP,
                e.getStartMark(),
                "YAML nested more than "
                    + limits.maxDepth()
                    + " levels deep (through alias *"
                    + a.getAnchor()
                    + ")");
          }
        }
      } else if (e instanceof ScalarEvent s) {
        Frame parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
        boolean isKey = parent != null && parent.isMap && parent.pendingKey == null;
        int max = isKey ? limits.maxKeyLength() : limits.maxScalarLength();
        if (s.getValue().length() > max) {
          throw new YamlLimits.Exceeded(
              ProblemCode.YAML_TOO_LARGE,
              e.getStartMark(),
              (isKey ? "YAML key" : "YAML value")
                  + " longer than "
                  + max
                  + " characters ("
                  + s.getValue().length()
                  + ")");
        }
        Object value =
            s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && s.getTag() == null
                ? plain(s.getValue())
                : tagged(s);
        done =
            new YamlScalar(
                shareTexts && value instanceof String text ? Shared.text(text) : value,
                span(s.getStartMark(), s.getEndMark()));
        size = 1;
        height = 0;
        remember(e, done, size, height);
      } else {
        done = new YamlScalar(null, span(e.getStartMark(), e.getEndMark()));
        size = 1;
        height = 0;
      }
      if (stack.isEmpty()) {
        return done;
      }
      Frame parent = stack.get(stack.size() - 1);
      parent.size = saturatingAdd(parent.size, size);
      parent.height = Math.max(parent.height, height + 1);
      if (!parent.isMap) {
        parent.items.add(done);
      } else if (parent.pendingKey == null) {
        parent.pendingKey = done;
      } else {
        YamlNode key = parent.pendingKey;
        parent.pendingKey = null;
        String k =
            key instanceof YamlScalar ks
                ? String.valueOf(ks.value())
                : String.valueOf(key.toPlain());
        if ("<<".equals(k) && key instanceof YamlScalar) {
          keysMayRepeat |= parent.merged;
          parent.merged = true;
          merge(parent.entries, parent.keys, done);
        } else {
          parent.entries.put(k, done);
          keysMayRepeat |=
              parent.keys.put(k, key.span()) != null
                  || !(key instanceof YamlScalar ks && ks.value() instanceof String);
        }
      }
      e = events.next();
    }
  }

  private void remember(Event e, YamlNode n, long size, int height) {
    String anchor = e instanceof NodeEvent ne ? ne.getAnchor() : null;
    if (anchor != null) {
      anchors.put(anchor, new Anchored(n, size, height));
    }
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** {@code <<: *anchor} adds the keys the mapping does not set itself. */
  private static void merge(
      Map<String, YamlNode> entries, Map<String, Span> keys, YamlNode merged) {
    List<YamlNode> sources = merged instanceof YamlList l ? l.items() : List.of(merged);
    for (YamlNode src : sources) {
      if (src instanceof YamlMap m) {
        m.entries()
            .forEach(
                (k, v) -> {
                  if (!entries.containsKey(k)) {
                    entries.put(k, v);
                    keys.put(k, m.keySpan(k));
                  }
                });
      }
    }
  }

  private static Span span(Mark s, Mark e) {
    return Span.of(s.getLine(), s.getColumn(), e.getLine(), e.getColumn());
  }

  private static Object tagged(ScalarEvent s) {
    String tag = s.getTag();
    if (tag == null || tag.endsWith(":str") || "!".equals(tag)) {
      return s.getValue();
    }
    return plain(s.getValue());
  }

  /** YAML 1.1 core types of a plain scalar, without regular expressions on the common path. */
  static Object plain(String v) {
    if (v.isEmpty()) {
      return null;
    }
    char c = v.charAt(0);
    if (Character.isLetter(c) || c == '~') {
      switch (v) {
        case "null", "Null", "NULL", "~":
          return null;
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON":
          return Boolean.TRUE;
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF":
          return Boolean.FALSE;
        case ".inf", ".Inf", ".INF":
          return Double.POSITIVE_INFINITY;
        default:
          return v;
      }
    }
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
      return v;
    }
    String n = v.replace("_", "");
    try {
      if (n.matches("[-+]?(0|[1-9][0-9]*)")) {
        return Long.parseLong(n.startsWith("+") ? n.substring(1) : n);
      }
      if (n.matches("[-+]?0x[0-9a-fA-F]+")) {
        return Long.parseLong(n.replaceFirst("0x", ""), 16);
      }
      if (n.matches(
          "[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")) {
        return Double.parseDouble(n);
      }
    } catch (NumberFormatException e) {
      return v;
    }
    return v;
  }
}
