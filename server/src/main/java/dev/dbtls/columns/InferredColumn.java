package dev.dbtls.columns;

import dev.dbtls.project.Shared;
import java.util.List;

/**
 * One column of a relation: its name, its type (null when unknown), where each came from ({@code
 * typeOrigin} null with the type), and the parent columns it derives from.
 */
public record InferredColumn(
    String name, String type, Origin nameOrigin, Origin typeOrigin, List<Upstream> upstream) {

  public InferredColumn {
    name = Shared.name(name);
    type = Shared.name(type);
    nameOrigin = Shared.value(nameOrigin);
    typeOrigin = Shared.value(typeOrigin);
    upstream = shared(upstream);
  }

  /**
   * The parent columns, each an instance shared with equal ones ({@link Shared#value}); the list
   * itself when it is read-only and holds those already (a column renamed keeps its parent's).
   */
  private static List<Upstream> shared(List<Upstream> upstream) {
    List<Upstream> list = List.copyOf(upstream); // itself when read-only already
    for (int i = 0; i < list.size(); i++) {
      if (Shared.value(list.get(i)) != list.get(i)) {
        Upstream[] out = list.toArray(new Upstream[0]);
        for (int j = i; j < out.length; j++) {
          out[j] = Shared.value(out[j]);
        }
        return List.of(out);
      }
    }
    return list;
  }

  InferredColumn named(String newName, Origin origin) {
    return new InferredColumn(newName, type, origin, typeOrigin, upstream);
  }
}
