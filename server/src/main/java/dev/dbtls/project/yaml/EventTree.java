package dev.dbtls.project.yaml;

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
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Builds {@link YamlNode}s from SnakeYAML parser events: the first document only, anchors and
 * aliases resolved, {@code <<} merge keys applied, plain scalars typed as YAML 1.1 does
 * (booleans, null, integers, floats), quoted scalars kept as strings.
 */
final class EventTree {
  private final Iterator<Event> events;
  private final Map<String, YamlNode> anchors = new HashMap<>();

  EventTree(Iterator<Event> events) {
    this.events = events;
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

  private YamlNode node(Event e) {
    if (e instanceof AliasEvent a) {
      YamlNode target = anchors.get(a.getAnchor());
      return target != null ? target : new YamlScalar(null, span(e.getStartMark(), e.getEndMark()));
    }
    YamlNode n;
    if (e instanceof ScalarEvent s) {
      n = new YamlScalar(s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && s.getTag() == null
          ? plain(s.getValue()) : tagged(s), span(s.getStartMark(), s.getEndMark()));
    } else if (e instanceof SequenceStartEvent) {
      List<YamlNode> items = new ArrayList<>();
      Event next;
      while (!(next = events.next()).is(Event.ID.SequenceEnd)) {
        items.add(node(next));
      }
      n = new YamlList(List.copyOf(items), span(e.getStartMark(), next.getEndMark()));
    } else if (e instanceof MappingStartEvent) {
      Map<String, YamlNode> entries = new LinkedHashMap<>();
      Map<String, Span> keys = new LinkedHashMap<>();
      Event next;
      while (!(next = events.next()).is(Event.ID.MappingEnd)) {
        YamlNode key = node(next);
        YamlNode value = node(events.next());
        String k = key instanceof YamlScalar ks ? String.valueOf(ks.value()) : String.valueOf(key.toPlain());
        if ("<<".equals(k) && key instanceof YamlScalar) {
          merge(entries, keys, value);
        } else {
          entries.put(k, value);
          keys.put(k, key.span());
        }
      }
      n = new YamlMap(entries, keys, span(e.getStartMark(), next.getEndMark()));
    } else {
      return new YamlScalar(null, span(e.getStartMark(), e.getEndMark()));
    }
    String anchor = e instanceof NodeEvent ne ? ne.getAnchor() : null;
    if (anchor != null) {
      anchors.put(anchor, n);
    }
    return n;
  }

  /** {@code <<: *anchor} adds the keys the mapping does not set itself. */
  private static void merge(Map<String, YamlNode> entries, Map<String, Span> keys, YamlNode merged) {
    List<YamlNode> sources = merged instanceof YamlList l ? l.items() : List.of(merged);
    for (YamlNode src : sources) {
      if (src instanceof YamlMap m) {
        m.entries().forEach((k, v) -> {
          if (!entries.containsKey(k)) {
            entries.put(k, v);
            keys.put(k, m.keySpan(k));
          }
        });
      }
    }
  }

  private static Span span(Mark s, Mark e) {
    return new Span(s.getLine(), s.getColumn(), e.getLine(), e.getColumn());
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
      if (n.matches("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")) {
        return Double.parseDouble(n);
      }
    } catch (NumberFormatException e) {
      return v;
    }
    return v;
  }
}
