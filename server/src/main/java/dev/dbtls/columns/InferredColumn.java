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

  /** The parent columns, each an instance shared with equal ones ({@link Shared#value}). */
  private static List<Upstream> shared(List<Upstream> upstream) {
    Upstream[] out = new Upstream[upstream.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Shared.value(upstream.get(i));
    }
    return List.of(out);
  }

  InferredColumn named(String newName, Origin origin) {
    return new InferredColumn(newName, type, origin, typeOrigin, upstream);
  }
}
