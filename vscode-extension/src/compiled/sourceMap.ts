import type { SourceMapSegment } from '../protocol.generated';

/** A half-open range of UTF-16 offsets, what `dbt/compile`'s source map speaks. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where a template offset went in the compiled SQL: for text, the same character (several
 * places when a loop repeated it); for a `{{ }}` or `{% %}` piece, everything it produced.
 */
export function sqlSpansOf(map: SourceMapSegment[], templateOffset: number): Span[] {
  const out: Span[] = [];
  for (const s of map) {
    const [ts, te, ss, se] = [s.templateStart ?? 0, s.templateEnd ?? 0, s.sqlStart ?? 0, s.sqlEnd ?? 0];
    const inside = templateOffset >= ts && (templateOffset < te || (templateOffset === te && te === ts));
    if (!inside) continue;
    if (s.kind === 'text') {
      const at = ss + (templateOffset - ts);
      out.push({ start: at, end: Math.min(at + 1, se) });
    } else {
      out.push({ start: ss, end: se });
    }
  }
  return out;
}

/** Where a compiled SQL offset came from in the template: the character, or the whole `{{ }}`/`{% %}`. */
export function templateSpanOf(map: SourceMapSegment[], sqlOffset: number): Span | undefined {
  for (const s of map) {
    const [ts, te, ss, se] = [s.templateStart ?? 0, s.templateEnd ?? 0, s.sqlStart ?? 0, s.sqlEnd ?? 0];
    if (sqlOffset < ss || sqlOffset >= se) continue;
    if (s.kind === 'text') {
      const at = ts + (sqlOffset - ss);
      return { start: at, end: Math.min(at + 1, te) };
    }
    return { start: ts, end: te };
  }
  return undefined;
}

/** The compiled document's text: the SQL, or why there is none, as SQL comments. */
export function compiledText(
  r: {
    sql?: string;
    failed?: boolean;
    problems?: { message?: string; range?: { start?: { line?: number } } }[];
  } | null,
  what: string,
): string {
  if (!r) return `-- ${what}: not a model of a dbt project (nothing to compile)\n`;
  if (r.failed || !r.sql) {
    const why = (r.problems ?? []).map((p) =>
      `--   line ${(p.range?.start?.line ?? 0) + 1}: ${p.message ?? ''}`.replace(/\n/g, ' '),
    );
    return [`-- ${what} did not compile:`, ...why, ''].join('\n');
  }
  return r.sql.endsWith('\n') ? r.sql : `${r.sql}\n`;
}
