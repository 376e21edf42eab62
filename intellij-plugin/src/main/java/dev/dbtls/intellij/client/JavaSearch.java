package dev.dbtls.intellij.client;

import java.util.List;
import java.util.Optional;

/**
 * Where the server's Java was looked for: the first candidate that is Java 17 or newer, and every
 * candidate passed over with why, so the plugin can say both when none is usable.
 */
public record JavaSearch(Optional<Found> found, List<Rejected> rejected) {
  /** The Java that runs the server. */
  public record Found(JavaCandidate candidate, int version) {}

  /** A candidate not used, and why ("it is Java 11", "... does not exist"). */
  public record Rejected(JavaCandidate candidate, String reason) {}

  /** One paragraph for the user: what runs the server, or why nothing can. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    found.ifPresentOrElse(
        f ->
            s.append("dbtls runs on Java ")
                .append(f.version())
                .append(" from ")
                .append(f.candidate().source())
                .append(" (")
                .append(f.candidate().home())
                .append(")."),
        () ->
            s.append("No Java ")
                .append(JavaFinder.MIN_JAVA)
                .append(" or newer was found to run dbtls. Set a Java home in the dbt settings."));
    for (Rejected r : rejected) {
      s.append(" Not ")
          .append(r.candidate().source())
          .append(" (")
          .append(r.candidate().home())
          .append("): ")
          .append(r.reason())
          .append('.');
    }
    return s.toString();
  }
}
