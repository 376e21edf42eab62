import * as path from 'node:path';
import launchJson from '../../../protocol-ext/src/main/resources/dev/dbtls/protocol/launch.json';

/** How the server is started: which Java, the jar, the user's JVM options and heap bound. */
export interface LaunchOptions {
  java: string;
  jar: string;
  /** dbtls.server.vmargs: extra JVM options, as typed (quotes group words). */
  vmargs: string;
  /** dbtls.server.maxHeap: the -Xmx used unless vmargs names its own. */
  maxHeap: string;
  /** A folder the client owns: the JVM writes a heap dump there when it runs out of memory. */
  heapDumpDir?: string;
  /** The class-data archive to map (present) or record at exit (absent); none without one. */
  archive?: { file: string; present: boolean };
  /** The operating system the server runs on, as Node names it (tests); this one's by default. */
  platform?: NodeJS.Platform;
}

/** The launch facts every client follows (protocol-ext's launch.json, bundled at build time). */
export const LAUNCH: Launch = launchJson;

export interface Launch {
  minJava: number;
  /** Where Java is looked for, in order: setting, editorRuntime, JAVA_HOME, JDK_HOME, PATH. */
  javaSearch: string[];
  maxHeap: string;
  /**
   * Added after the user's options; one with unlessUserGives is left out when a user option matches
   * it, one with os on every other operating system (linux, mac or windows).
   */
  jvmArgs: { arg: string; unlessUserGives?: string; os?: string }[];
  /** Class-data sharing: the archive's folder and name, and the options that map or record it. */
  sharedArchive: {
    folder: string;
    file: string;
    whenPresent: string[];
    whenAbsent: string[];
    unlessUserGives: string;
  };
  serverArgs: string[];
}

/** java [user options] [launch.json's jvmArgs the user did not choose] [archive options] -jar dbtls.jar lsp */
export function serverCommand(o: LaunchOptions): { command: string; args: string[] } {
  const own = splitArgs(o.vmargs);
  const args = [...own];
  const os = osName(o.platform ?? process.platform);
  const maxHeap = o.maxHeap?.trim() || LAUNCH.maxHeap;
  const initial = initialHeap(maxHeap);
  for (const a of LAUNCH.jvmArgs) {
    if (a.unlessUserGives && own.some((x) => new RegExp(a.unlessUserGives!).test(x))) continue;
    if (a.os && a.os !== os) continue;
    if (!initial && a.arg.includes('{initialHeap}')) continue;
    args.push(a.arg.replace('{maxHeap}', maxHeap).replace('{initialHeap}', initial ?? ''));
  }
  // a heap dump for the bug report, unless the user chose their own (a dump is written before
  // -XX:+ExitOnOutOfMemoryError ends the JVM)
  if (o.heapDumpDir && !own.some((x) => /^-XX:([+-]HeapDumpOnOutOfMemoryError|HeapDumpPath=)/.test(x)))
    args.push('-XX:+HeapDumpOnOutOfMemoryError', `-XX:HeapDumpPath=${o.heapDumpDir}`);
  const cds = LAUNCH.sharedArchive;
  if (o.archive && !own.some((x) => new RegExp(cds.unlessUserGives).test(x))) {
    const options = o.archive.present ? cds.whenPresent : cds.whenAbsent;
    args.push(...options.map((x) => x.replace('{archive}', o.archive!.file)));
  }
  args.push('-jar', o.jar, ...LAUNCH.serverArgs);
  return { command: o.java, args };
}

/**
 * launch.json's {initialHeap}: an eighth of the heap bound in MB, at most 1024m, when the bound is a
 * whole number of m or g of at least 1g; else none (the argument naming it is left out).
 */
export function initialHeap(maxHeap: string): string | undefined {
  const m = /^([0-9]{1,7})([mMgG])$/.exec(maxHeap.trim());
  if (!m) return undefined;
  const mb = Number(m[1]) * (m[2].toLowerCase() === 'g' ? 1024 : 1);
  return mb >= 1024 ? `${Math.min(1024, Math.floor(mb / 8))}m` : undefined;
}

/** launch.json's name of an operating system: linux, mac, windows (or Node's own for the others). */
export function osName(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : platform;
}

/** Splits JVM options as a shell would: whitespace separates, single or double quotes group. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const ch of text ?? '') {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) out.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (started) out.push(current);
  return out;
}

/** Where the JVM of process `pid` writes its heap dump when HeapDumpPath names a folder. */
export function heapDumpFile(dir: string, pid: number | undefined): string | undefined {
  return pid === undefined ? undefined : path.join(dir, `java_pid${pid}.hprof`);
}

/** -XX:+ExitOnOutOfMemoryError exits with code 3 and says so on stderr. */
export function isOutOfMemory(code: number | null, lastWords: string): boolean {
  return code === 3 || /OutOfMemoryError/.test(lastWords);
}
