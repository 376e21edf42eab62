package dev.dbtls.project;

/** One entry of packages.yml / dependencies.yml, with the folder name dbt deps would install. */
public record PackageSpec(String declared, String expectedName, Span span) {
  static String expectedName(String declared) {
    String s = declared.replaceAll("\\.git$", "").replaceAll("/+$", "");
    return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
  }
}
