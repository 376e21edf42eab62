package dev.dbtls.store;

import java.nio.file.Path;
import java.util.Map;

/** Where the store file lives when no path is configured. */
public final class StoreLocation {
  public static final String FILE_NAME = "store.db";

  private StoreLocation() {}

  /**
   * {@code -Ddbtls.store=FILE} or {@code $DBTLS_STORE} when set (tests, several setups side by
   * side), else {@code $XDG_DATA_HOME/dbtls/store.db}, else {@code ~/.local/share/dbtls/store.db}.
   */
  public static Path defaultFile() {
    String given = System.getProperty("dbtls.store", System.getenv("DBTLS_STORE"));
    if (given != null && !given.isBlank()) {
      return Path.of(given).toAbsolutePath();
    }
    return defaultFile(System.getenv(), System.getProperty("user.home"));
  }

  static Path defaultFile(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_DATA_HOME");
    // the XDG spec says a relative value is invalid and must be ignored
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "dbtls", FILE_NAME);
    }
    return Path.of(userHome, ".local", "share", "dbtls", FILE_NAME);
  }
}
