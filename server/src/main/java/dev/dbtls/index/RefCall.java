package dev.dbtls.index;

/** A {@code ref(...)} as written: optional package, name, optional version, and where. */
public record RefCall(String packageName, String name, String version, int start, int end) {
  public String display() {
    return "ref("
        + (packageName == null ? "" : "'" + packageName + "', ")
        + "'"
        + name
        + "'"
        + (version == null ? "" : ", v=" + version)
        + ")";
  }
}
