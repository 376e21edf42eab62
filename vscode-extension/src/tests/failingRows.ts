import type { FailingRows } from '../protocol.generated';

/** A cell as Markdown table text: pipes escaped, new lines flattened, long text cut. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '*null*';
  const text = String(v).replace(/\r?\n/g, ' ');
  const cut = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return cut.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/**
 * A failing test's first rows as a Markdown table under dbt's message, for the Testing view's
 * failure peek: "Got 2 results, configured to fail if != 0", then the rows the test found.
 */
export function failingRowsMarkdown(message: string, rows: FailingRows | undefined): string {
  const columns = rows?.columns ?? [];
  if (!rows || columns.length === 0) return message;
  const head = `| ${columns.map(cell).join(' | ')} |`;
  const rule = `| ${columns.map(() => '---').join(' | ')} |`;
  const body = (rows.rows ?? []).map((r) => `| ${columns.map((_, i) => cell(r[i])).join(' | ')} |`);
  const shown = rows.rows?.length ?? 0;
  const title = rows.more
    ? `The first ${shown} rows it found:`
    : `The ${shown === 1 ? 'row' : `${shown} rows`} it found:`;
  return [message, '', title, '', head, rule, ...body].join('\n');
}
