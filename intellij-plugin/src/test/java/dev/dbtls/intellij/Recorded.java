package dev.dbtls.intellij;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers of the real server, recorded over stdio into protocol-ext/recorded/ (this plugin's {@code
 * client.RealServerProtocolTest}, the server's {@code ViewAnswersProtocolTest} and {@code
 * TrinoProtocolTest}, each with {@code -Ddbtls.updateRecorded=true}) and read back by both clients'
 * view tests, which then need no server.
 */
public final class Recorded {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private static final Path DIR = Path.of("..", "protocol-ext", "recorded");

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

  /** The recorded answer {@code name}, read as the client reads it off the wire (Gson). */
  public static <T> T load(String name, Class<T> type) {
    Path file = DIR.resolve(name + ".json");
    try {
      return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no recorded answer " + file.toAbsolutePath() + ": see protocol-ext/recorded/README.md",
          e);
    }
  }
}
