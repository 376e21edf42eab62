// The platforms dbtls is packaged for and the native libraries of each inside the server jar.
// DuckDB's and SQLite's JDBC drivers (shaded into the jar) carry a native library for every
// platform; a platform's package keeps only its own. The drivers nested in dbtls-drivers/
// (Snowflake, Databricks, BigQuery's gRPC and Conscrypt) carry natives too, inside their own
// jars; they are loaded only when a target of that type opens and are left whole.

/** Each VS Code target: the DuckDB library and the SQLite native folder it keeps. */
export const PLATFORMS = {
  'linux-x64': { duckdb: 'libduckdb_java.so_linux_amd64', sqlite: 'Linux/x86_64' },
  'linux-arm64': { duckdb: 'libduckdb_java.so_linux_arm64', sqlite: 'Linux/aarch64' },
  'darwin-x64': { duckdb: 'libduckdb_java.so_osx_universal', sqlite: 'Mac/x86_64' },
  'darwin-arm64': { duckdb: 'libduckdb_java.so_osx_universal', sqlite: 'Mac/aarch64' },
  'win32-x64': { duckdb: 'libduckdb_java.so_windows_amd64', sqlite: 'Windows/x86_64' },
};

/** Whether a jar entry is one of the platform-specific native libraries. */
export function isNative(name) {
  return /^libduckdb_java\.so_/.test(name) || /^org\/sqlite\/native\/.+\/[^/]+$/.test(name);
}

/** Whether the jar of `target` keeps the entry (everything but other platforms' natives). */
export function keepsEntry(target, name) {
  if (!isNative(name)) return true;
  const p = PLATFORMS[target];
  return name === p.duckdb || name.startsWith(`org/sqlite/native/${p.sqlite}/`);
}

/** The platform whose Java runtime this machine can link (jlink from its own JDK), if any. */
export function hostTarget() {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  const target = `${process.platform}-${arch}`;
  return PLATFORMS[target] ? target : undefined;
}
