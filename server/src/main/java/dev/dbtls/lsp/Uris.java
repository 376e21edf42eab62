package dev.dbtls.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Document URIs to paths and back. A URI the client sent is answered in the client's own spelling
 * (clients differ in how they escape characters), so its diagnostics land on the document it has
 * open.
 */
final class Uris {
  private final Map<Path, String> spelled = new ConcurrentHashMap<>();

  /** The file a {@code file:} URI names; null for other schemes (untitled buffers, git diffs). */
  Path path(String uri) {
    try {
      URI u = URI.create(uri);
      if (!"file".equalsIgnoreCase(u.getScheme())) {
        return null;
      }
      Path p = Path.of(u).toAbsolutePath().normalize();
      spelled.putIfAbsent(p, uri);
      return p;
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  String uri(Path file) {
    return spelled.getOrDefault(file, file.toUri().toString());
  }
}
