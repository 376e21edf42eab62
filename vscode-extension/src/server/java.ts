import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LAUNCH } from './launch';

/** dbtls runs on Java 17 or newer (launch.json's minJava). */
export const MIN_JAVA = LAUNCH.minJava;

/**
 * How each place of launch.json's javaSearch is named to the user. VS Code brings no Java of its
 * own: its editorRuntime is the runtime a platform package of dbtls carries (jre/ in the extension).
 */
export const JAVA_SOURCES: Record<string, string> = {
  setting: 'the setting dbtls.java.home',
  editorRuntime: 'the Java runtime bundled with dbtls',
  JAVA_HOME: 'JAVA_HOME',
  JDK_HOME: 'JDK_HOME',
  PATH: 'PATH',
};

/** A place a Java may be: where it was named and the `java` executable there. */
export interface JavaCandidate {
  /** Where the candidate came from, as the user knows it ("JAVA_HOME", "PATH", …). */
  source: string;
  /** The Java home, when known (then its `release` file names the version). */
  home?: string;
  executable: string;
}

export interface JavaSearch {
  found?: JavaCandidate & { version: number };
  /** Every candidate that was tried and why it is not used, in order. */
  rejected: { candidate: JavaCandidate; reason: string }[];
}

/** The Java version `java -version` or a `release` file prints: 1.8 → 8, 17.0.15 → 17. */
export function parseJavaVersion(text: string): number | undefined {
  const m = /(?:version|JAVA_VERSION=)\s*"([^"]+)"/.exec(text);
  if (!m) return undefined;
  const parts = m[1].split(/[.\-_+]/);
  const first = Number.parseInt(parts[0], 10);
  if (Number.isNaN(first)) return undefined;
  return first === 1 && parts.length > 1 ? Number.parseInt(parts[1], 10) : first;
}

/**
 * Where to look, in launch.json's order: the setting dbtls.java.home, the runtime bundled with the
 * extension (`bundled`, its jre/ folder, when the package carries one), JAVA_HOME, JDK_HOME, then PATH.
 */
export function javaCandidates(
  setting: string | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  bundled?: string,
): JavaCandidate[] {
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const homes: Record<string, string | undefined> = {
    setting: setting?.trim() || undefined,
    JAVA_HOME: env.JAVA_HOME?.trim() || undefined,
    JDK_HOME: env.JDK_HOME?.trim() || undefined,
  };
  // only a package that carries a runtime offers it: the others go on to JAVA_HOME and PATH
  if (bundled && isFile(join(bundled, 'bin', exe))) homes.editorRuntime = bundled;
  const candidates: JavaCandidate[] = [];
  for (const place of LAUNCH.javaSearch) {
    const source = JAVA_SOURCES[place];
    if (source === undefined) continue;
    const home = homes[place];
    if (place !== 'PATH') {
      if (home !== undefined) candidates.push({ source, home, executable: join(home, 'bin', exe) });
      continue;
    }
    const delimiter = platform === 'win32' ? ';' : ':';
    const dir = (env.PATH ?? env.Path ?? '').split(delimiter).find((d) => d && isFile(join(d, exe)));
    if (dir !== undefined) candidates.push({ source, executable: join(dir, exe) });
  }
  return candidates;
}

/** The candidate's major version, or why it has none (missing, not a Java, does not run). */
export async function probeVersion(c: JavaCandidate): Promise<number | string> {
  if (!isFile(c.executable)) return `${c.executable} does not exist`;
  if (c.home) {
    const release = path.join(c.home, 'release');
    const fromRelease = existsSync(release) ? parseJavaVersion(readFileSync(release, 'utf8')) : undefined;
    if (fromRelease !== undefined) return fromRelease;
  }
  return new Promise((resolve) => {
    execFile(c.executable, ['-version'], { timeout: 15_000 }, (error, stdout, stderr) => {
      const v = parseJavaVersion(`${stderr}\n${stdout}`);
      if (v !== undefined) resolve(v);
      else resolve(`${c.executable} did not run (${error?.message ?? 'no version printed'})`);
    });
  });
}

/** The first candidate that is Java 17 or newer; the others with why they were passed over. */
export async function findJava(
  candidates: JavaCandidate[],
  probe: (c: JavaCandidate) => Promise<number | string> = probeVersion,
): Promise<JavaSearch> {
  const rejected: JavaSearch['rejected'] = [];
  for (const candidate of candidates) {
    const v = await probe(candidate);
    if (typeof v === 'number' && v >= MIN_JAVA) return { found: { ...candidate, version: v }, rejected };
    rejected.push({ candidate, reason: typeof v === 'number' ? `it is Java ${v}` : v });
  }
  return { rejected };
}

/** One message: what was tried, what dbtls needs, and what to do. */
export function noJavaMessage(search: JavaSearch): string {
  const tried = search.rejected.length
    ? `Tried ${search.rejected.map((r) => `${r.candidate.source}: ${r.reason}`).join('; ')}`
    : 'No Java was found: dbtls.java.home, JAVA_HOME and JDK_HOME are not set and none was found on PATH';
  return `${tried}; dbtls needs Java ${MIN_JAVA} or newer. Install a JDK ${MIN_JAVA}+ (e.g. Eclipse Temurin) and set dbtls.java.home to its folder, or put it on PATH.`;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Makes the bundled runtime's java runnable when an unpacker dropped its mode bits. */
export function ensureExecutable(file: string): void {
  if (process.platform === 'win32' || !isFile(file)) return;
  try {
    accessSync(file, constants.X_OK);
  } catch {
    try {
      chmodSync(file, 0o755);
    } catch {
      // not ours to change: the probe then says it does not run
    }
  }
}
