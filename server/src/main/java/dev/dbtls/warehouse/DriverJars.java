package dev.dbtls.warehouse;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile's own driver jars ({@code driver_path}, a jar or a list of jars relative to the project
 * folder) and the class loader that reads them: it sees the JDK and those jars, never the server's
 * libraries (a driver may bring other versions of them).
 */
final class DriverJars {
  private DriverJars() {}

  /** The target's {@code driver_path} (or {@code driver_jar}) jars; each must exist. */
  static List<Path> of(TargetFields f) {
    List<Path> jars = new ArrayList<>();
    for (Object j :
        f.list("driver_path").isEmpty() ? f.list("driver_jar") : f.list("driver_path")) {
      Path jar = f.path(String.valueOf(j));
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("driver jar " + jar + " does not exist");
      }
      jars.add(jar);
    }
    return jars;
  }

  static URLClassLoader loader(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("driver jar " + jars.get(i) + ": " + e.getMessage());
      }
    }
    return new URLClassLoader("dbtls-jdbc-driver", urls, ClassLoader.getPlatformClassLoader());
  }
}
