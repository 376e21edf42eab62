package dev.dbtls.workspace;

import dev.dbtls.ide.TextEdit;
import dev.dbtls.project.FileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The editor's open buffers laid over another file source (the disk): an open document is read from
 * its buffer, saved or not, and listed even when it does not exist on disk yet. Unsaved buffers are
 * the truth for every feature.
 */
public final class OverlayFileSource implements FileSource {
  /** An open buffer: its text and the version the editor gave it. */
  public record Buffer(String text, int version) {}

  private final FileSource below;
  private final Map<Path, Buffer> open = new ConcurrentHashMap<>();

  public OverlayFileSource(FileSource below) {
    this.below = below;
  }

  public void open(Path file, String text, int version) {
    open.put(key(file), new Buffer(text, version));
  }

  /**
   * Applies edits to an open buffer; false when the file is not open. Edits that do not fit the
   * buffer ({@link TextEdit#apply}) throw {@link IllegalArgumentException} and change nothing.
   */
  public boolean change(Path file, int version, List<TextEdit> edits) {
    Buffer[] result = new Buffer[1];
    open.computeIfPresent(
        key(file), (k, b) -> result[0] = new Buffer(TextEdit.apply(b.text(), edits), version));
    return result[0] != null;
  }

  public void close(Path file) {
    open.remove(key(file));
  }

  public Optional<Buffer> buffer(Path file) {
    return Optional.ofNullable(open.get(key(file)));
  }

  public boolean isOpen(Path file) {
    return open.containsKey(key(file));
  }

  public Set<Path> openFiles() {
    return Set.copyOf(open.keySet());
  }

  @Override
  public Optional<String> read(Path file) {
    Buffer b = open.get(key(file));
    return b != null ? Optional.of(b.text()) : below.read(file);
  }

  /** An open buffer has no stamp: its text may differ from the disk's at any time. */
  @Override
  public long stamp(Path file) {
    return buffered(file) ? NO_STAMP : below.stamp(file);
  }

  @Override
  public boolean buffered(Path file) {
    return open.containsKey(key(file)) || below.buffered(file);
  }

  @Override
  public boolean isDirectory(Path dir) {
    return below.isDirectory(dir);
  }

  /**
   * The files below, and the open buffers under {@code dir} that are not among them; sorted. The
   * list below is taken as it is when every open buffer is in it (it is sorted already): it was
   * sorted again, 100,000 paths at a start.
   */
  @Override
  public List<Path> list(Path dir, Set<String> suffixes) {
    Path d = key(dir);
    List<Path> listed = below.list(dir, suffixes);
    List<Path> only = new ArrayList<>();
    for (Path p : open.keySet()) {
      if (p.startsWith(d)
          && suffixes.stream().anyMatch(s -> p.getFileName().toString().endsWith(s))) {
        // the disk lists paths as dir.resolve(...): keep that spelling for open-only files too
        Path spelled = dir.resolve(d.relativize(p));
        if (Collections.binarySearch(listed, spelled) < 0) {
          only.add(spelled);
        }
      }
    }
    if (only.isEmpty()) {
      return listed;
    }
    TreeSet<Path> all = new TreeSet<>(listed);
    all.addAll(only);
    return List.copyOf(all);
  }

  private static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
