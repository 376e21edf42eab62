package dev.dbtls.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written whole or not at all: into a temporary file beside it, then renamed into its place,
 * so that a reader (another session, another program) never sees half of it.
 */
public final class FileReplace {
  /** What goes into the file. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** What goes into the file, written through a channel (which may also write at a position). */
  public interface ChannelContent {
    void writeTo(FileChannel out) throws IOException;
  }

  /**
   * A file's new content written whole beside it but not yet in its place: {@link #commit} renames
   * it there, {@link #close} removes it when it was not.
   */
  public static final class Pending implements AutoCloseable {
    private final Path tmp;
    private final Path file;

    private Pending(Path tmp, Path file) {
      this.tmp = tmp;
      this.file = file;
    }

    /** Puts the content in its file's place. */
    public void commit() throws IOException {
      move(tmp, file);
    }

    /** Removes the content when it was not committed; never throws. */
    @Override
    public void close() {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // a temporary file left behind is named as one; nothing to tell
      }
    }
  }

  private FileReplace() {}

  /**
   * Writes {@code content} into a temporary file beside {@code file} (made with its folders), to be
   * committed later: two files written before either is renamed into place. On failure nothing is
   * left.
   */
  public static Pending prepare(Path file, ChannelContent content) throws IOException {
    Files.createDirectories(file.getParent());
    removeAbandoned(file);
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    Pending p = new Pending(tmp, file);
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      content.writeTo(out);
      return p;
    } catch (IOException | RuntimeException | Error e) {
      p.close();
      throw e;
    }
  }

  /** Writes {@code file} (and its folders) with {@code content}; on failure the old file stays. */
  public static void write(Path file, Content content) throws IOException {
    try (Pending p =
        prepare(file, ch -> content.writeTo(java.nio.channels.Channels.newOutputStream(ch)))) {
      p.commit();
    }
  }

  /**
   * Whether {@code e} is a write stopped by its thread's interrupt (a server closing while it
   * writes): the temporary file is gone, and nothing went wrong to tell the user about.
   */
  public static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.channels.ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }

  /** How old a temporary file of another writer is before it counts as abandoned. */
  static final java.time.Duration ABANDONED = java.time.Duration.ofMinutes(10);

  /**
   * Removes the temporary files of {@code file} a writer left when it was killed while writing (a
   * large cache file takes seconds to write): those not touched for {@link #ABANDONED}, which no
   * live writer takes. Never throws.
   */
  static void removeAbandoned(Path file) {
    String name = file.getFileName().toString();
    long before = System.currentTimeMillis() - ABANDONED.toMillis();
    try (java.util.stream.Stream<Path> siblings = Files.list(file.getParent())) {
      siblings
          .filter(p -> p.getFileName().toString().startsWith(name))
          .filter(p -> p.getFileName().toString().endsWith(".tmp"))
          .forEach(
              p -> {
                try {
                  if (Files.getLastModifiedTime(p).toMillis() < before) {
                    Files.deleteIfExists(p);
                  }
                } catch (IOException e) {
                  // another writer's, or gone: left as it is
                }
              });
    } catch (IOException | java.io.UncheckedIOException e) {
      // an unlistable folder: the write below says why, if it fails
    }
  }

  /** Renames {@code tmp} to {@code file}, atomically where the file system can. */
  public static void move(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
