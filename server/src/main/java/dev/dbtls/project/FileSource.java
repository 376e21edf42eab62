package dev.dbtls.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where project files come from. The command line reads the disk; the language server will lay the
 * editor's unsaved buffers over it, so every feature sees what the user sees.
 */
public interface FileSource {
  Optional<String> read(Path file);

  boolean isDirectory(Path dir);

  /** Files under {@code dir} (recursively) whose names end with one of {@code suffixes}, sorted. */
  List<Path> list(Path dir, Set<String> suffixes);

  FileSource DISK =
      new FileSource() {
        @Override
        public Optional<String> read(Path file) {
          try {
            return Files.isRegularFile(file)
                ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                : Optional.empty();
          } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
          }
        }

        @Override
        public boolean isDirectory(Path dir) {
          return Files.isDirectory(dir);
        }

        @Override
        public List<Path> list(Path dir, Set<String> suffixes) {
          List<Path> out = new ArrayList<>();
          if (!Files.isDirectory(dir)) {
            return out;
          }
          try {
            Files.walkFileTree(
                dir,
                new SimpleFileVisitor<>() {
                  @Override
                  public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String n = d.getFileName() == null ? "" : d.getFileName().toString();
                    return !d.equals(dir) && n.startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
                  }

                  @Override
                  public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String n = f.getFileName().toString();
                    for (String s : suffixes) {
                      if (n.endsWith(s)) {
                        out.add(f);
                        break;
                      }
                    }
                    return FileVisitResult.CONTINUE;
                  }

                  @Override
                  public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                  }
                });
          } catch (IOException e) {
            return out;
          }
          out.sort(null);
          return out;
        }
      };
}
