package dev.dbtls.store;

import java.time.Instant;
import java.util.List;

/**
 * A query the user saved under a name, in a folder ("" is the top), with tags.
 *
 * @param projectDir the project the query belongs to; null for any project
 */
public record SavedQuery(
    long id,
    String name,
    String description,
    List<String> tags,
    String folder,
    String sql,
    String projectDir,
    Instant createdAt,
    Instant updatedAt) {

  /** What the user gives when saving or editing a query. */
  public record Draft(
      String name,
      String description,
      List<String> tags,
      String folder,
      String sql,
      String projectDir) {

    public Draft {
      name = name == null ? "" : name.strip();
      description = description == null ? "" : description;
      tags =
          tags == null
              ? List.of()
              : tags.stream()
                  .filter(t -> t != null && !t.isBlank())
                  .map(String::strip)
                  .distinct()
                  .sorted()
                  .toList();
      folder = folder == null ? "" : folder.strip();
      sql = sql == null ? "" : sql;
    }
  }
}
