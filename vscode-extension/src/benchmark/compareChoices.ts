// What a benchmark can compare the model (as the buffer has it) against, for the quick pick:
// the saved file, the file at git HEAD, nothing (time it alone), or a stored recommendation's
// index tried in a sandbox. Plain data: no `vscode`.
import type { Recommendation } from '../protocol.generated';

export interface CompareChoice {
  label: string;
  description?: string;
  detail?: string;
  /** BenchmarkParams.compare: `saved`, `head`, `recommendation`, or undefined for alone. */
  compare?: 'saved' | 'head' | 'recommendation';
  recommendationId?: number;
}

export const FIXED_CHOICES: CompareChoice[] = [
  { label: '$(save) Saved file', description: 'buffer vs the file on disk', compare: 'saved' },
  { label: '$(git-commit) git HEAD', description: 'buffer vs the file at HEAD', compare: 'head' },
  { label: '$(watch) Alone', description: 'time the model as it is, no comparison' },
];

/** Recommendations a sandbox can try: with SQL to apply, not dismissed; this model's first. */
export function recommendationChoices(recs: Recommendation[], nodeId?: string): CompareChoice[] {
  return recs
    .filter((r) => !!r.applySql && r.status !== 'dismissed')
    .sort((a, b) => Number(b.nodeId === nodeId) - Number(a.nodeId === nodeId) || b.updatedAt - a.updatedAt)
    .map((r) => ({
      label: `$(lightbulb) ${r.title ?? `recommendation ${r.id}`}`,
      description: [
        `#${r.id}`,
        r.status,
        r.target && `target ${r.target}`,
        r.nodeId && r.nodeId !== nodeId ? r.nodeId : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      detail: r.applySql ?? undefined,
      compare: 'recommendation' as const,
      recommendationId: r.id,
    }));
}

/** A short title for the panel: the file's name without `.sql`, or the model of a unique id. */
export function benchmarkTitle(uri: string, nodeId?: string): string {
  if (nodeId) return nodeId.split('.').pop() ?? nodeId;
  const file = decodeURIComponent(uri.split(/[\\/]/).pop() ?? uri);
  return file.replace(/\.sql$/i, '');
}
