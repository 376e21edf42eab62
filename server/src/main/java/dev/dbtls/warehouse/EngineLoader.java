package dev.dbtls.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads an engine that speaks through a client library ({@link ClientEngine}) together with that
 * library, bundled in the server jar as nested jars ({@code dbtls-drivers/<engine>/}, listed in its
 * {@code jars.txt}), by a class loader of its own made the first time a target of that kind opens.
 * The engine's classes ({@code dev.dbtls.warehouse.<engine>}) are defined by that loader from the
 * server's own bytes, so they link against the bundled library; the library's classes come from the
 * bundle first; everything else (the JDK, the seam's types, and the few libraries the server
 * already has, at the versions the build mediated and tests ran with) from the server.
 */
final class EngineLoader {
  private static final Map<String, ClassLoader> LOADERS = new ConcurrentHashMap<>();

  private EngineLoader() {}

  /**
   * A new engine: {@code dev.dbtls.warehouse.<kind>.<className>}'s constructor taking {@code
   * settings}.
   *
   * @throws IllegalArgumentException with one sentence when the engine cannot be loaded
   */
  static ClientEngine open(String kind, String className, Object settings) {
    String name = "dev.dbtls.warehouse." + kind + "." + className;
    try {
      Class<?> c = Class.forName(name, true, library(kind));
      return (ClientEngine) c.getConstructor(settings.getClass()).newInstance(settings);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable t = e.getCause();
      throw new IllegalArgumentException(
          t.getMessage() != null
              ? t.getMessage()
              : "the " + kind + " engine cannot start (" + t.getClass().getSimpleName() + ")");
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new IllegalArgumentException(
          "the "
              + kind
              + " engine cannot be loaded ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
    }
  }

  /**
   * The class loader of a bundle of jars listed in {@code dbtls-drivers/<kind>/jars.txt} (a client
   * library, or a driver with the libraries it needs, such as Redshift's with the AWS SDK), made
   * once.
   */
  static ClassLoader library(String kind) {
    return LOADERS.computeIfAbsent(kind, EngineLoader::loader);
  }

  /** Whether this build bundles {@code kind} as jars listed in a {@code jars.txt}. */
  static boolean bundles(String kind) {
    return EngineLoader.class.getResource("/dbtls-drivers/" + kind + "/jars.txt") != null;
  }

  /** How many jars the engine's library bundles (for messages and the README's sizes). */
  static List<String> jars(String kind) {
    String resource = "/dbtls-drivers/" + kind + "/jars.txt";
    try (InputStream in = EngineLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("this build of dbtls has no " + kind + " engine");
      }
      List<String> names = new ArrayList<>();
      for (String line :
          new String(in.readAllBytes(), StandardCharsets.UTF_8).split("[,\\r\\n]+")) {
        String n = line.trim();
        if (!n.isEmpty()) {
          names.add(n.substring(n.lastIndexOf('/') + 1));
        }
      }
      return names;
    } catch (IOException e) {
      throw new IllegalArgumentException("this build of dbtls cannot read its " + kind + " jars");
    }
  }

  private static ClassLoader loader(String kind) {
    List<String> names = jars(kind);
    URL[] urls = new URL[names.size()];
    for (int i = 0; i < urls.length; i++) {
      Path jar = BundledDrivers.bundled(kind, names.get(i));
      try {
        urls[i] = jar.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("the " + kind + " jar " + jar + ": " + e.getMessage());
      }
    }
    return new Child(kind, urls, EngineLoader.class.getClassLoader());
  }

  /** Child first for the bundle and the engine's own package; the server for the rest. */
  private static final class Child extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final String enginePackage;
    private final ClassLoader server;

    Child(String kind, URL[] urls, ClassLoader server) {
      super("dbtls-" + kind + "-engine", urls, server);
      this.enginePackage = "dev.dbtls.warehouse." + kind + ".";
      this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null && name.startsWith(enginePackage)) {
          c = defineEngineClass(name);
        }
        if (c == null && !name.startsWith("java.") && !name.startsWith("dev.dbtls.")) {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            // not bundled: the server's
          }
        }
        if (c == null) {
          c = server.loadClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    private Class<?> defineEngineClass(String name) throws ClassNotFoundException {
      try (InputStream in = server.getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }

    @Override
    public URL getResource(String name) {
      URL u = findResource(name);
      return u != null ? u : server.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      List<URL> all = Collections.list(findResources(name));
      all.addAll(Collections.list(server.getResources(name)));
      return Collections.enumeration(all);
    }
  }
}
