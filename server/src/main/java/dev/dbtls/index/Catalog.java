package dev.dbtls.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns the warehouse reported for each relation, as {@code dbt docs generate} writes them to
 * {@code <target-path>/catalog.json}: {@code nodes.<unique_id>.columns.<name>.{type, index,
 * comment}} and the same under {@code sources}. Read with Jackson's streaming parser (the file
 * reaches tens of MB on large projects); everything but the columns is skipped. Never throws: a
 * missing file is an empty catalog, a malformed one keeps what was read before the error and a
 * located {@code catalog-invalid} problem.
 */
public final class Catalog {
  /** A column as the warehouse knows it; {@code type} and {@code comment} may be null. */
  public record Column(String name, String type, int index, String comment) {}

  public static final String FILE = "catalog.json";
  public static final Catalog EMPTY = new Catalog(Map.of(), List.of());

  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, List<Column>> columns;
  private final List<Problem> problems;

  private Catalog(Map<String, List<Column>> columns, List<Problem> problems) {
    this.columns = columns;
    this.problems = problems;
  }

  /** Columns by unique id, from anywhere else than catalog.json (the warehouse's own metadata). */
  public static Catalog of(Map<String, List<Column>> columns) {
    return new Catalog(Map.copyOf(columns), List.of());
  }

  /** This catalog, with {@code other}'s relations where this one has none (this one wins). */
  public Catalog orElse(Catalog other) {
    if (other == null || other.isEmpty()) {
      return this;
    }
    Map<String, List<Column>> merged = new java.util.HashMap<>(other.columns);
    merged.putAll(columns);
    return new Catalog(Map.copyOf(merged), problems);
  }

  /** {@code <target-path>/catalog.json} of {@code project}; empty when there is none. */
  public static Catalog read(DbtProject project, FileSource files) {
    try {
      Path file = fileOf(project);
      Optional<String> text = files.read(file);
      return text.isEmpty() ? EMPTY : parse(displayPath(project, file), text.get());
    } catch (RuntimeException e) {
      return EMPTY; // a bad target-path must not break the features that merely enrich with it
    }
  }

  /** Where dbt writes the catalog of {@code project}: {@code <target-path>/catalog.json}. */
  public static Path fileOf(DbtProject project) {
    String target =
        project.targetPath() == null || project.targetPath().isBlank()
            ? "target"
            : project.targetPath();
    return project.dir().resolve(target).resolve(FILE).normalize();
  }

  /** {@code file} relative to the project folder, as problems name files. */
  public static String displayPath(DbtProject project, Path file) {
    return file.startsWith(project.dir())
        ? project.dir().relativize(file).toString().replace('\\', '/')
        : file.toString();
  }

  /** The catalog in {@code json}; {@code displayPath} locates its problems. */
  public static Catalog parse(String displayPath, String json) {
    Map<String, List<Column>> out = new HashMap<>();
    List<Problem> problems = new ArrayList<>(1);
    Map<String, String> types = new HashMap<>();
    try (JsonParser p = JSON.createParser(new StringReader(json))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        problems.add(
            problem(displayPath, p.currentTokenLocation(), "catalog.json is not a JSON object"));
        return new Catalog(Map.of(), List.copyOf(problems));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ((field.equals("nodes") || field.equals("sources")) && value == JsonToken.START_OBJECT) {
          relations(p, out, types);
        } else {
          p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      problems.add(
          problem(
              displayPath,
              e.getLocation(),
              "catalog.json is not valid JSON ("
                  + e.getOriginalMessage()
                  + "); columns read before the error are used"));
    } catch (IOException | RuntimeException e) {
      problems.add(
          Problem.ofFile(
              displayPath,
              ProblemCode.CATALOG_INVALID,
              "catalog.json could not be read: " + e.getMessage()));
    }
    return new Catalog(out, List.copyOf(problems));
  }

  /** {@code "<unique_id>": {"columns": {...}, ...}, ...} up to the closing brace. */
  private static void relations(
      JsonParser p, Map<String, List<Column>> out, Map<String, String> types) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String uniqueId = p.currentName();
      if (p.nextToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      List<Column> cols = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean isColumns = p.currentName().equals("columns");
        if (p.nextToken() == JsonToken.START_OBJECT && isColumns) {
          columns(p, cols, types);
        } else {
          p.skipChildren();
        }
      }
      cols.sort(Comparator.comparingInt(Column::index));
      out.put(uniqueId, List.copyOf(cols));
    }
  }

  private static void columns(JsonParser p, List<Column> cols, Map<String, String> types)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      if (p.nextToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      String name = key;
      String type = null;
      String comment = null;
      int index = Integer.MAX_VALUE;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        switch (f) {
          // the key is interned by the parser; "name" repeats it (kept only when it differs)
          case "name" ->
              name = t == JsonToken.VALUE_STRING && !p.getText().equals(key) ? p.getText() : name;
          case "type" ->
              type =
                  t == JsonToken.VALUE_STRING ? types.computeIfAbsent(p.getText(), s -> s) : null;
          case "comment" ->
              comment = t == JsonToken.VALUE_STRING && !p.getText().isEmpty() ? p.getText() : null;
          case "index" -> index = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : index;
          default -> p.skipChildren();
        }
      }
      cols.add(new Column(name, type, index, comment));
    }
  }

  private static Problem problem(String file, JsonLocation at, String message) {
    int line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr() - 1;
    int col = at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr() - 1;
    return Problem.at(file, line, col, ProblemCode.CATALOG_INVALID, message);
  }

  /** Every relation's columns, by unique id. */
  public Map<String, List<Column>> byUniqueId() {
    return java.util.Collections.unmodifiableMap(columns);
  }

  /**
   * The columns of a node or source table by unique id, in the warehouse's order; empty if unknown.
   */
  public List<Column> columns(String uniqueId) {
    List<Column> c = uniqueId == null ? null : columns.get(uniqueId);
    return c == null ? List.of() : c;
  }

  /** A column of a relation by name, ignoring case (warehouses fold unquoted names). */
  public Optional<Column> column(String uniqueId, String name) {
    for (Column c : columns(uniqueId)) {
      if (c.name().equalsIgnoreCase(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** How many relations (nodes and source tables) the catalog describes. */
  public int relationCount() {
    return columns.size();
  }

  public boolean isEmpty() {
    return columns.isEmpty();
  }

  public List<Problem> problems() {
    return problems;
  }
}
