import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LAUNCH } from './launch';

/** The server's class-data archive: where it is, and whether a start uses or records it. */
export interface SharedArchive {
  file: string;
  /** There (non-empty): the start maps it. Absent: the start records it when it exits. */
  present: boolean;
}

/** The user's cache folder, as launch.json's sharedArchive.folderNotes says; undefined when unknown. */
export function cacheRoot(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string | undefined {
  if (platform === 'win32') return env.LOCALAPPDATA || undefined;
  if (platform === 'darwin') return home ? path.join(home, 'Library', 'Caches') : undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return xdg;
  return home ? path.join(home, '.cache') : undefined;
}

/** {jar} of the file name: the jar's size and last MiB (its central directory holds every entry's CRC). */
export function jarKey(jar: string): string {
  const fd = openSync(jar, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Math.min(size, 1 << 20);
    const buf = new Uint8Array(tail);
    readSync(fd, buf, 0, tail, size - tail);
    return createHash('sha256').update(`${size}\n`).update(buf).digest('hex').slice(0, 16);
  } finally {
    closeSync(fd);
  }
}

/**
 * {java} of the file name: which Java records and maps the archive (an archive fits one JVM build; an
 * update in place changes the executable's time).
 */
export function javaKey(executable: string, version: string | number): string {
  let real = executable;
  let time = 0;
  try {
    real = realpathSync(executable);
    time = Math.floor(statSync(real).mtimeMs);
  } catch {
    // not there (tests, or gone): the path and version alone
  }
  return createHash('sha256').update(`${real}\n${version} ${time}`).digest('hex').slice(0, 12);
}

/**
 * The archive for this jar and Java, its folder made; undefined (no archive options) when there is no
 * cache folder or it cannot be made.
 */
export function sharedArchive(
  jar: string,
  java: { executable: string; version: string | number },
  env: NodeJS.ProcessEnv = process.env,
): SharedArchive | undefined {
  const root = cacheRoot(env);
  if (!root) return undefined;
  try {
    const folder = path.join(root, ...LAUNCH.sharedArchive.folder.split('/'));
    mkdirSync(folder, { recursive: true });
    const name = LAUNCH.sharedArchive.file
      .replace('{jar}', jarKey(jar))
      .replace('{java}', javaKey(java.executable, java.version));
    const file = path.join(folder, name);
    let present = false;
    try {
      present = statSync(file).size > 0;
    } catch {
      present = false;
    }
    return { file, present };
  } catch {
    return undefined;
  }
}
