/** How the server is started: which Java, the jar, the user's JVM options and heap bound. */
export interface LaunchOptions {
  java: string;
  jar: string;
  /** dbtls.server.vmargs: extra JVM options, as typed (quotes group words). */
  vmargs: string;
  /** dbtls.server.maxHeap: the -Xmx used unless vmargs names its own. */
  maxHeap: string;
}

/** java [user options] [-Xmx… -XX:+UseSerialGC unless the user chose] -XX:+ExitOnOutOfMemoryError -jar dbtls.jar lsp */
export function serverCommand(o: LaunchOptions): { command: string; args: string[] } {
  const own = splitArgs(o.vmargs);
  const args = [...own];
  if (!own.some((a) => a.startsWith('-Xmx'))) args.push(`-Xmx${o.maxHeap || '2g'}`);
  // a language server is mostly idle: the serial collector keeps its footprint small
  if (!own.some((a) => /^-XX:[+-]Use\w*GC$/.test(a))) args.push('-XX:+UseSerialGC');
  args.push('-XX:+ExitOnOutOfMemoryError', '-Dfile.encoding=UTF-8', '-jar', o.jar, 'lsp');
  return { command: o.java, args };
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

/** -XX:+ExitOnOutOfMemoryError exits with code 3 and says so on stderr. */
export function isOutOfMemory(code: number | null, lastWords: string): boolean {
  return code === 3 || /OutOfMemoryError/.test(lastWords);
}
