package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A key written twice in one mapping of a YAML file: dbt keeps the later value and warns at the
 * later key (its {@code checked_load}); mappings that start with a {@code <<} merge key are not
 * checked, as dbt does not. The fix removes the earlier entry, as dbt-autofix does, so the value
 * dbt read stays.
 */
final class DuplicateYamlKeysDeprecation implements StrictRule {
  private static final String EVENT = "DuplicateYAMLKeysDeprecation";

  /** A mapping or sequence being read. */
  private static final class Frame {
    final boolean isMap;
    final Map<String, Span> keys = new HashMap<>();
    boolean expectKey = true;
    boolean first = true;
    boolean merges;
    boolean isKey;

    Frame(boolean isMap) {
      this.isMap = isMap;
    }
  }

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (!file.isYaml() || file.kind() == StrictFile.Kind.OTHER) {
      return;
    }
    if (file.yaml() == null || file.yaml().root() == null) {
      return; // not valid YAML: yaml-syntax says so
    }
    if (!file.yaml().keysMayRepeat()) {
      return; // the tree's reading found no key that could be written twice
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    Deque<Frame> stack = new ArrayDeque<>();
    // SnakeYAML's parser alone: no Yaml facade (its representers and resolvers cost more to
    // build than a small file costs to parse)
    Parser parser = new ParserImpl(new StreamReader(new StringReader(file.text())), options);
    while (parser.peekEvent() != null) {
      Event e = parser.getEvent();
      if (e.is(Event.ID.StreamEnd)) {
        break;
      }
      if (e.is(Event.ID.MappingStart) || e.is(Event.ID.SequenceStart)) {
        Frame parent = stack.peek();
        boolean isKey = parent != null && parent.isMap && parent.expectKey;
        keyRead(stack, null, null, file, out);
        Frame f = new Frame(e instanceof MappingStartEvent);
        f.isKey = isKey;
        stack.push(f);
      } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
        if (!stack.pop().isKey) {
          valueRead(stack);
        }
      } else if (e instanceof ScalarEvent s) {
        Frame top = stack.peek();
        if (top != null && top.isMap && top.expectKey) {
          keyRead(stack, s.getValue(), span(s.getStartMark(), s.getEndMark()), file, out);
        } else {
          valueRead(stack);
        }
      } else if (e.is(Event.ID.Alias)) {
        Frame top = stack.peek();
        if (top != null && top.isMap && top.expectKey) {
          keyRead(stack, null, null, file, out);
        } else {
          valueRead(stack);
        }
      } else if (e.is(Event.ID.DocumentEnd)) {
        break; // dbt reads the first document
      }
    }
  }

  /** A key of the mapping on top was read ({@code key} null: not a plain key, or a nested node). */
  private static void keyRead(
      Deque<Frame> stack, String key, Span at, StrictFile file, List<Deprecation> out) {
    Frame top = stack.peek();
    if (top == null || !top.isMap || !top.expectKey) {
      return;
    }
    top.expectKey = false;
    if (top.first) {
      top.first = false;
      top.merges = "<<".equals(key);
    }
    if (key == null || top.merges) {
      return;
    }
    Span earlier = top.keys.put(key, at);
    if (earlier != null) {
      out.add(duplicate(file, key, earlier, at));
    }
  }

  /** A value of the mapping on top (or an item of the sequence) was read. */
  private static void valueRead(Deque<Frame> stack) {
    Frame top = stack.peek();
    if (top != null && top.isMap) {
      top.expectKey = !top.expectKey;
    }
  }

  private static Deprecation duplicate(StrictFile file, String key, Span earlier, Span later) {
    String message =
        "Duplicate key '"
            + key
            + "' (line "
            + (later.startLine() + 1)
            + "; also on line "
            + (earlier.startLine() + 1)
            + "): dbt keeps the last value; in a future version duplicate keys will be an error.";
    var problem = file.problem(ProblemCode.DUPLICATE_YAML_KEYS_DEPRECATION, EVENT, later, message);
    YamlEdits.Entry e = YamlEdits.entry(file.text(), file.lines(), earlier);
    if (e == null) {
      return new Deprecation(problem);
    }
    return new Deprecation(
        problem,
        "Remove the earlier '" + key + "' (line " + (earlier.startLine() + 1) + ")",
        List.of(YamlEdits.remove(file.text(), file.lines(), e)));
  }

  private static Span span(Mark start, Mark end) {
    return new Span(start.getLine(), start.getColumn(), end.getLine(), end.getColumn());
  }
}
