package dev.dbtls.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a relation as far as they are known, in order. {@code complete} false means
 * "these, and possibly others": {@code gaps} says why (a {@code *} over a relation whose columns
 * are unknown, an expression without a name, SQL the parser did not read).
 */
public record RelationColumns(List<InferredColumn> columns, boolean complete, List<String> gaps) {

  public static final RelationColumns UNKNOWN =
      new RelationColumns(List.of(), false, List.of("nothing is known of its columns"));

  public RelationColumns {
    columns = List.copyOf(columns);
    gaps = List.copyOf(gaps);
  }

  public static RelationColumns complete(List<InferredColumn> columns) {
    return new RelationColumns(columns, true, List.of());
  }

  public static RelationColumns partial(List<InferredColumn> columns, String gap) {
    return new RelationColumns(columns, false, List.of(gap));
  }

  /** The column of that name, ignoring case (warehouses fold unquoted names). */
  public Optional<InferredColumn> column(String name) {
    for (InferredColumn c : columns) {
      if (c.name().equalsIgnoreCase(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public List<String> names() {
    List<String> out = new ArrayList<>(columns.size());
    columns.forEach(c -> out.add(c.name()));
    return out;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
