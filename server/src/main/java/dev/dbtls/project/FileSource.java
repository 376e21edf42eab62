package dev.dbtls.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where project files come from. The command line reads the disk; the language server will lay the
 * editor's unsaved buffers over it, so every feature sees what the user sees.
 */
public interface FileSource {
  Optional<String> read(Path file);

  /**
   * The file's text for a {@link ProjectFile}: by default read now. A source that logs what a load
   * read may leave a file it knows unchanged to be read when asked for ({@link FileText#later}).
   */
  default Optional<FileText> text(Path file) {
    return read(file).map(FileText::of);
  }

  /**
   * {@link #text(Path)}, or, when {@code keep} is false, a text a logging source may leave to be
   * read when asked for and not keep then ({@link FileText#peek}): a file whose text only the
   * load's parse and renders need (a model's SQL). By default the same as {@link #text(Path)}.
   */
  default Optional<FileText> text(Path file, boolean keep) {
    return text(file);
  }

  /**
   * A fingerprint of the file's size, modification time and identity, cheaper than reading it;
   * {@link #NO_STAMP} when the source cannot vouch for its text by it (an editor's buffer, a file
   * changed in the last seconds, a source without times), which then only its text tells.
   */
  default long stamp(Path file) {
    return NO_STAMP;
  }

  long NO_STAMP = 0;

  /**
   * Whether {@code file} is read from somewhere else than the disk now (an editor's buffer): its
   * stamp then says nothing of the text read.
   */
  default boolean buffered(Path file) {
    return false;
  }

  /**
   * A file modified this recently is not vouched for by its stamp: a second write within the
   * clock's resolution (two seconds on FAT), of the same size, would leave the stamp as it was
   * (git's "racily clean").
   */
  long STAMP_SETTLED_NANOS = 3_000_000_000L;

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
        public long stamp(Path file) {
          try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            long now = System.currentTimeMillis() * 1_000_000L;
            if (!a.isRegularFile() || now - modified < STAMP_SETTLED_NANOS) {
              return NO_STAMP;
            }
            long h = modified * 0x9E3779B97F4A7C15L ^ a.size();
            h = Long.rotateLeft(h, 29) * 0xBF58476D1CE4E5B9L ^ Objects.hashCode(a.fileKey());
            return h == NO_STAMP ? 1 : h;
          } catch (IOException | UncheckedIOException | SecurityException e) {
            return NO_STAMP;
          }
        }

        @Override
        public boolean isDirectory(Path dir) {
          return Files.isDirectory(dir);
        }

        /**
         * An entry whose name ends with a wanted suffix is taken for a file without asking the disk
         * (a folder named {@code x.sql} would be listed, and then read as absent); only the other
         * entries are asked whether they are folders to descend into. Java's listing does not tell
         * files from folders, and asking for each of 10,000 files took a third of a second of a
         * warm start, in this VM's system calls.
         */
        @Override
        public List<Path> list(Path dir, Set<String> suffixes) {
          List<Path> out = new ArrayList<>();
          if (Files.isDirectory(dir)) {
            listInto(dir, suffixes, out);
          }
          out.sort(null);
          return out;
        }

        private void listInto(Path dir, Set<String> suffixes, List<Path> out) {
          List<Path> folders = new ArrayList<>();
          try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
              String n = e.getFileName().toString();
              if (ProjectFileFinder.endsWithAny(n, suffixes)) {
                out.add(e);
              } else if (!n.startsWith(".") && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                folders.add(e); // hidden folders are skipped, as dbt does
              }
            }
          } catch (IOException | DirectoryIteratorException | SecurityException e) {
            return; // an unreadable folder lists nothing, as before
          }
          folders.forEach(f -> listInto(f, suffixes, out));
        }
      };
}
