package dev.dbtls.intellij.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the platform glue (platform/src) against this module's classes — the client and views —
 * and protocol-ext, without the IntelliJ Platform and LSP4IJ, which cannot be had here. javac then
 * reports every IntelliJ and LSP4IJ name as missing; this test accepts exactly those and fails on
 * any other error, so every use of dbtls' own types (views, client, protocol records) in the glue
 * is checked by the compiler. Skipped while this module has no views.
 */
class PlatformGlueCompileTest {
  /** The packages that are not on this machine. */
  private static final List<String> PLATFORM =
      List.of("com.intellij.", "com.redhat.devtools.lsp4ij", "org.jetbrains.");

  private static final Pattern SYMBOL =
      Pattern.compile("symbol:\\s+(class|variable|method)\\s+(\\w+)");
  private static final Pattern LOCATION =
      Pattern.compile("location:\\s+(?:class|variable \\w+ of type)\\s+(?:[\\w.]+\\.)?(\\w+)");

  @TempDir Path out;

  @Test
  void theGlueCompilesButForTheNamesOfTheIntellijPlatformAndLsp4ij() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(root.resolve("docs/protocol.md"))) {
      root = root.getParent();
    }
    assumeTrue(
        Files.isRegularFile(
            root.resolve(
                "intellij-plugin/src/main/java/dev/dbtls/intellij/views/ResultsView.java")),
        "no views in this module yet");
    List<Path> sources;
    try (Stream<Path> s = Files.walk(root.resolve("intellij-plugin/platform/src/main/java"))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    Map<String, String> text = new HashMap<>();
    for (Path p : sources) {
      text.put(p.getFileName().toString().replace(".java", ""), Files.readString(p));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests must run on a JDK");
    DiagnosticCollector<JavaFileObject> found = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(found, Locale.ROOT, null)) {
      javac
          .getTask(
              null,
              files,
              found,
              List.of(
                  "-proc:none",
                  "-Xmaxerrs",
                  "10000",
                  "-d",
                  out.toString(),
                  "-cp",
                  System.getProperty("java.class.path")),
              null,
              files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    List<String> unexplained = new ArrayList<>();
    int platformNames = 0;
    for (Diagnostic<? extends JavaFileObject> d : found.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String cls = Path.of(d.getSource().toUri()).getFileName().toString().replace(".java", "");
      String message = d.getMessage(Locale.ROOT);
      if (platformMissing(message, text.get(cls), text)) {
        platformNames++;
      } else {
        unexplained.add(cls + ".java:" + d.getLineNumber() + ": " + message);
      }
    }
    assertEquals(List.of(), unexplained, "errors that are not a missing IntelliJ or LSP4IJ name");
    assertTrue(
        platformNames > 0, "the IntelliJ Platform is not here, so its names must be missing");
  }

  /** Whether {@code message} is javac not finding something of the IntelliJ Platform or LSP4IJ. */
  private static boolean platformMissing(String message, String source, Map<String, String> text) {
    if (source == null) {
      return false; // an error in the views module's own files
    }
    if (message.startsWith("package ") && message.endsWith(" does not exist")) {
      String pkg =
          message.substring("package ".length(), message.length() - " does not exist".length());
      // a platform package, or a platform class's nested name read as one (Service.Level)
      return PLATFORM.stream().anyMatch(pkg::startsWith) || imported(source, pkg.split("\\.")[0]);
    }
    if (message.startsWith("method does not override or implement a method from a supertype")) {
      return extendsPlatform(source);
    }
    if (!message.startsWith("cannot find symbol")) {
      return false;
    }
    Matcher symbol = SYMBOL.matcher(message);
    if (!symbol.find()) {
      return false;
    }
    String name = symbol.group(2);
    if (!symbol.group(1).equals("method") && !name.equals("super")) {
      // a class or variable imported from a platform package (static or not)
      return imported(source, name);
    }
    // a method inherited from a platform class: the location is one of ours that extends one
    Matcher location = LOCATION.matcher(message);
    return location.find()
        && text.containsKey(location.group(1))
        && extendsPlatform(text.get(location.group(1)));
  }

  /** {@code name} is imported from a platform package (static or not). */
  private static boolean imported(String source, String name) {
    return PLATFORM.stream()
        .anyMatch(
            p ->
                Pattern.compile("import (static )?" + Pattern.quote(p) + "[\\w.]*\\." + name + ";")
                    .matcher(source)
                    .find());
  }

  /** The class extends or implements a type it imports from a platform package. */
  private static boolean extendsPlatform(String source) {
    Matcher declaration =
        Pattern.compile("class \\w+ (?:extends ([\\w.<>]+))?\\s*(?:implements ([^{]+))?\\{")
            .matcher(source);
    if (!declaration.find()) {
      return false;
    }
    List<String> supers = new ArrayList<>();
    if (declaration.group(1) != null) {
      supers.add(declaration.group(1).replaceAll("<.*", ""));
    }
    if (declaration.group(2) != null) {
      for (String s : declaration.group(2).replaceAll("<[^>]*>", "").split(",")) {
        supers.add(s.trim());
      }
    }
    return supers.stream().anyMatch(s -> imported(source, s));
  }
}
