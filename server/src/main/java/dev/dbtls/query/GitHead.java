package dev.dbtls.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A file's text as committed at git's {@code HEAD}: what a benchmark compares the buffer with when
 * asked for "the committed version". Runs the local {@code git} (no network); a file outside a
 * repository, not committed, or no git at all is an answer with a reason, never an exception.
 */
public final class GitHead {
  /** The committed text, or why there is none. */
  public record Text(String text, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private static final long TIMEOUT_SECONDS = 10;

  private GitHead() {}

  public static Text of(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return new Text(null, "no directory for " + file);
    }
    Text top = git(dir, "rev-parse", "--show-toplevel");
    if (!top.ok()) {
      return new Text(null, file.getFileName() + " is not in a git repository");
    }
    Path root = Path.of(top.text().strip());
    String relative;
    try {
      relative =
          root.toRealPath()
              .relativize(file.toAbsolutePath().toRealPath())
              .toString()
              .replace('\\', '/');
    } catch (IOException | IllegalArgumentException e) {
      return new Text(null, "cannot place " + file + " in the repository at " + root);
    }
    Text committed = git(root, "show", "HEAD:" + relative);
    return committed.ok()
        ? committed
        : new Text(null, relative + " has no committed version at HEAD");
  }

  private static Text git(Path dir, String... args) {
    String[] command = new String[args.length + 3];
    command[0] = "git";
    command[1] = "-C";
    command[2] = dir.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    try {
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = read(p.getInputStream());
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Text(null, "git did not answer in " + TIMEOUT_SECONDS + " s");
      }
      return p.exitValue() == 0 ? new Text(out, null) : new Text(null, "git failed");
    } catch (IOException e) {
      return new Text(null, "git cannot be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Text(null, "interrupted");
    }
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
