package dev.dbtls.project.yaml;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * One parsed YAML file: its root node (null when empty or unparseable) and its problems. Built from
 * SnakeYAML's parser events rather than through a data binder, because dbt users need the location
 * of every key (go-to-definition into YAML), and rather than through SnakeYAML's composer, whose
 * node graph and regex-based type resolution cost more than the parse itself on large projects.
 *
 * @param keysMayRepeat false when every mapping's keys are written differently, so the strict
 *     spec's duplicate-keys rule need not read the file again; true when one may hold a key twice
 *     (or the file was not read as a whole)
 */
public record YamlDocument(
    String path, YamlNode root, List<Problem> problems, boolean keysMayRepeat) {

  /** A document that was not read to its end, or not as a whole. */
  public YamlDocument(String path, YamlNode root, List<Problem> problems) {
    this(path, root, problems, true);
  }

  public static YamlDocument parse(String path, String text) {
    return parse(path, text, YamlLimits.DEFAULT);
  }

  /**
   * Parses a file a load keeps much of (a property file), its string scalars and keys each shared
   * with an equal one parsed before ({@link dev.dbtls.project.Shared#text}): never a file that may
   * hold secrets (profiles.yml), whose texts would stay in that table after the file is dropped.
   */
  public static YamlDocument parseSharingTexts(String path, String text) {
    return parse(path, text, YamlLimits.DEFAULT, true);
  }

  /** Parses within {@code limits}: a file that goes past one has no root and one problem. */
  public static YamlDocument parse(String path, String text, YamlLimits limits) {
    return parse(path, text, limits, false);
  }

  private static YamlDocument parse(
      String path, String text, YamlLimits limits, boolean shareTexts) {
    List<Problem> problems = new ArrayList<>();
    if (text != null && text.length() > limits.maxCodePoints()) {
      problems.add(
          Problem.ofFile(
              path,
              ProblemCode.YAML_TOO_LARGE,
              "YAML file longer than "
                  + limits.maxCodePoints()
                  + " characters ("
                  + text.length()
                  + "); the file is skipped"));
      return new YamlDocument(path, null, problems);
    }
    int[] longest = longestLine(text);
    if (longest[1] > limits.maxLineLength()) {
      problems.add(
          Problem.at(
              path,
              longest[0],
              0,
              ProblemCode.YAML_TOO_LARGE,
              "YAML line "
                  + (longest[0] + 1)
                  + " is "
                  + longest[1]
                  + " characters long, more than "
                  + limits.maxLineLength()
                  + "; the file is skipped"));
      return new YamlDocument(path, null, problems);
    }
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      options.setCodePointLimit(Integer.MAX_VALUE); // checked above, on the text we already hold
      // SnakeYAML's parser alone, as Yaml#parse builds it: not the Yaml facade, whose
      // constructor, representer and resolver cost more to build than a small file to parse
      Parser parser =
          new ParserImpl(new StreamReader(new StringReader(text == null ? "" : text)), options);
      Iterator<Event> events =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return parser.peekEvent() != null;
            }

            @Override
            public Event next() {
              Event e = parser.getEvent();
              if (e == null) {
                throw new java.util.NoSuchElementException();
              }
              return e;
            }
          };
      EventTree tree = new EventTree(events, limits, shareTexts);
      YamlNode root = tree.document();
      return new YamlDocument(path, root, problems, tree.keysMayRepeat());
    } catch (YamlLimits.Exceeded e) {
      int line = e.mark == null ? 0 : e.mark.getLine();
      int col = e.mark == null ? 0 : e.mark.getColumn();
      problems.add(Problem.at(path, line, col, e.code, e.getMessage() + "; the file is skipped"));
      return new YamlDocument(path, null, problems);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = m == null ? 0 : m.getLine();
      int col = m == null ? 0 : m.getColumn();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      problems.add(
          Problem.at(path, line, col, ProblemCode.YAML_SYNTAX, "invalid YAML: " + what + context));
      return new YamlDocument(path, null, problems);
    } catch (YAMLException | IllegalStateException e) {
      problems.add(
          Problem.at(path, 0, 0, ProblemCode.YAML_SYNTAX, "invalid YAML: " + e.getMessage()));
      return new YamlDocument(path, null, problems);
    }
  }

  /** The 0-based number and the length of the longest line. */
  private static int[] longestLine(String text) {
    int[] out = {0, 0};
    if (text == null) {
      return out;
    }
    int line = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      int stop = end < 0 ? text.length() : end;
      if (stop - start > out[1]) {
        out[0] = line;
        out[1] = stop - start;
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
      line++;
    }
    return out;
  }

  /** The root as a map, or an empty map when the file is empty, broken or not a mapping. */
  public YamlMap rootMap() {
    return root == null ? YamlMap.empty(Span.NONE) : root.asMap();
  }
}
