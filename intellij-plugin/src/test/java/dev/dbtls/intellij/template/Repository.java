package dev.dbtls.intellij.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are, seen from the module the tests run in. */
final class Repository {
  private Repository() {}

  /** The repository's root: the first folder up from here that holds docs/configuration.md. */
  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docs/configuration.md"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no docs/configuration.md above " + Path.of("").toAbsolutePath());
  }

  static Path templateFolder() {
    return root().resolve("intellij-plugin/lsp4ij-template");
  }

  /** The server jar the template's command starts (built by {@code mvn -pl server -am package}). */
  static Path serverJar() {
    return root().resolve("server/target/dbtls.jar");
  }
}
