package dev.dbtls.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Driver;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vendor drivers that ship inside the server jar as nested jars ({@code
 * dbtls-drivers/<type>/}), each loaded by its own class loader the first time a target of that type
 * opens: no start-up cost, and no class of a driver (which brings its own HTTP, JSON and logging
 * libraries) meets the server's. The nested jar is copied once into the cache folder ({@code
 * $XDG_CACHE_HOME/dbtls/drivers}), since a class loader reads jars from files. A driver bundled
 * with the libraries it needs (Redshift's with the AWS SDK for IAM sign-in: a {@code jars.txt}
 * beside it) is loaded with them, bundle first ({@link EngineLoader#library}). A profile's {@code
 * driver_path} replaces the bundled driver ({@link DriverJars}).
 */
final class BundledDrivers {
  private static final String INDEX = "/dbtls-drivers/drivers.properties";

  /** One loader per driver jar for the life of the server: loading a driver again costs seconds. */
  private static final Map<Path, ClassLoader> LOADERS = new ConcurrentHashMap<>();

  private BundledDrivers() {}

  /**
   * A driver, and the class loader of the profile's own jars to close with the pool (null for a
   * bundled driver, whose loader lives as long as the server).
   */
  record Loaded(Driver driver, AutoCloseable ownLoader) {}

  /**
   * The driver class {@code className} of the {@code type} adapter: from the profile's {@code
   * driver_path} when given, else from the jar bundled with the server.
   *
   * @throws IllegalArgumentException with one sentence saying what is missing
   */
  static Loaded driver(String type, String className, TargetFields f) {
    List<Path> own = DriverJars.of(f);
    java.net.URLClassLoader ownLoader = own.isEmpty() ? null : DriverJars.loader(own);
    ClassLoader loader =
        ownLoader != null
            ? ownLoader
            : EngineLoader.bundles(type)
                ? EngineLoader.library(type)
                : LOADERS.computeIfAbsent(bundled(type), jar -> DriverJars.loader(List.of(jar)));
    try {
      Class<?> c = Class.forName(className, true, loader);
      return new Loaded((Driver) c.getDeclaredConstructor().newInstance(), ownLoader);
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new IllegalArgumentException(
          "the "
              + type
              + " driver "
              + className
              + " cannot be loaded"
              + (own.isEmpty() ? "" : " from 'driver_path'")
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** The bundled driver jar of the type, copied out of the server jar on first use. */
  static Path bundled(String type) {
    String jarName = index().getProperty(type);
    if (jarName == null) {
      throw new IllegalArgumentException("this build of dbtls has no " + type + " driver");
    }
    return bundled(type, jarName);
  }

  /** The jar {@code jarName} under {@code dbtls-drivers/<type>/}, as a file. */
  static Path bundled(String type, String jarName) {
    String resource = "/dbtls-drivers/" + type + "/" + jarName;
    URL url = BundledDrivers.class.getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException(
          "this build of dbtls lacks its " + type + " driver (" + resource + ")");
    }
    if (url.getProtocol().equals("file")) {
      try {
        return Path.of(url.toURI()); // running from classes (tests): no copy needed
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        // copy it below
      }
    }
    return copied(url, jarName);
  }

  private static Path copied(URL url, String jarName) {
    Path dir = cacheDir();
    Path jar = dir.resolve(jarName);
    try {
      long size = url.openConnection().getContentLengthLong();
      if (Files.isRegularFile(jar) && (size < 0 || Files.size(jar) == size)) {
        return jar;
      }
      Files.createDirectories(dir);
      Path part = Files.createTempFile(dir, jarName, ".part");
      try (InputStream in = url.openStream()) {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return jar;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "the bundled driver cannot be copied to "
              + dir
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** {@code dbtls.drivers}, else {@code $XDG_CACHE_HOME/dbtls/drivers}, else {@code ~/.cache/…}. */
  static Path cacheDir() {
    String given = System.getProperty("dbtls.drivers");
    if (given != null && !given.isBlank()) {
      return Path.of(given);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("dbtls").resolve("drivers");
  }

  /** Which bundled jar each type has: {@code dbtls-drivers/drivers.properties}. */
  static Properties index() {
    Properties p = new Properties();
    try (InputStream in = BundledDrivers.class.getResourceAsStream(INDEX)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no index: no bundled drivers
    }
    return p;
  }
}
