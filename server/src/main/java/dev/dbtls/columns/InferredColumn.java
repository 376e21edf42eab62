package dev.dbtls.columns;

import java.util.List;

/**
 * One column of a relation: its name, its type (null when unknown), where each came from ({@code
 * typeOrigin} null with the type), and the parent columns it derives from.
 */
public record InferredColumn(
    String name, String type, Origin nameOrigin, Origin typeOrigin, List<Upstream> upstream) {

  public InferredColumn {
    name = dev.dbtls.project.Shared.name(name);
    type = dev.dbtls.project.Shared.name(type);
    upstream = List.copyOf(upstream);
  }

  InferredColumn named(String newName, Origin origin) {
    return new InferredColumn(newName, type, origin, typeOrigin, upstream);
  }
}
