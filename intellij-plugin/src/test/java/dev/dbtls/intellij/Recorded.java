package dev.dbtls.intellij;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers of the real server, recorded by {@code client.RealServerProtocolTest} (with {@code
 * -Ddbtls.updateRecorded=true}) into src/test/resources/recorded/, and read back by the view tests,
 * which then need no server.
 */
public final class Recorded {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private static final Path DIR = Path.of("src/test/resources/recorded");

  private Recorded() {}

  public static boolean updating() {
    return Boolean.getBoolean("dbtls.updateRecorded");
  }

  /** Writes {@code answer} as {@code name}.json when updating; otherwise does nothing. */
  public static void save(String name, Object answer) {
    if (!updating()) {
      return;
    }
    try {
      Files.createDirectories(DIR);
      Files.writeString(
          DIR.resolve(name + ".json"), GSON.toJson(answer) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An answer recorded for both clients' view tests in protocol-ext/recorded/ (by the server's own
   * protocol tests, with {@code -Ddbtls.updateRecorded=true}), read as the client reads it.
   */
  public static <T> T shared(String name, Class<T> type) {
    Path file = Path.of("..", "protocol-ext", "recorded", name + ".json");
    try {
      return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
    } catch (IOException e) {
      throw new UncheckedIOException("no recorded answer " + file.toAbsolutePath(), e);
    }
  }

  /** The recorded answer {@code name}, read as the client reads it off the wire (Gson). */
  public static <T> T load(String name, Class<T> type) {
    try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException(
            "no recorded answer "
                + name
                + ".json: run "
                + "RealServerProtocolTest with -Ddbtls.updateRecorded=true");
      }
      return GSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
