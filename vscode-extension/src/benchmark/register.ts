import * as vscode from 'vscode';
import { makeRoomForViews } from '../webview/viewColumn';
import { LensArgument, targetDocument } from '../editorTarget';
import type { DbtServer } from '../server/dbtServer';
import { BenchmarkPanel, BenchmarkTarget } from './benchmarkPanel';
import { CompareChoice, FIXED_CHOICES, recommendationChoices } from './compareChoices';

/** The command's argument: a code lens's, a file (menu), or one naming the comparison (tests, other views). */
export type BenchmarkArgument = LensArgument & {
  compare?: BenchmarkTarget['compare'] | 'none';
  recommendationId?: number;
};

/**
 * `dbtls.benchmark` (dbt: Benchmark Model): asks what to compare the model against (the saved
 * file, git HEAD, alone, or one of the project's recommendations tried in a sandbox), then
 * runs dbt/benchmark in the Benchmark panel beside the editor.
 */
export function registerBenchmark(context: vscode.ExtensionContext, server: DbtServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dbtls.benchmark', async (arg?: BenchmarkArgument | vscode.Uri) => {
      const lens = arg instanceof vscode.Uri ? undefined : arg;
      const uri =
        arg instanceof vscode.Uri ? arg.toString() : (lens?.uri ?? targetDocument(lens)?.uri.toString());
      if (!uri) return;
      const nodeId = lens?.uniqueId;
      let choice: CompareChoice | undefined;
      if (lens?.recommendationId !== undefined)
        choice = { label: '', compare: 'recommendation', recommendationId: lens.recommendationId };
      else if (lens?.compare)
        choice = { label: '', compare: lens.compare === 'none' ? undefined : lens.compare };
      else choice = await pickComparison(server, uri, nodeId);
      if (!choice) return;
      await makeRoomForViews();
      return BenchmarkPanel.show(server, {
        uri,
        nodeId,
        compare: choice.compare,
        recommendationId: choice.recommendationId,
      });
    }),
    { dispose: () => BenchmarkPanel.closeAll() },
  );
}

type Item = vscode.QuickPickItem & { choice?: CompareChoice };

async function pickComparison(
  server: DbtServer,
  uri: string,
  nodeId?: string,
): Promise<CompareChoice | undefined> {
  const items = async (): Promise<Item[]> => {
    const fixed: Item[] = FIXED_CHOICES.map((c) => ({
      label: c.label,
      description: c.description,
      choice: c,
    }));
    let recs: CompareChoice[] = [];
    let problem: string | undefined;
    try {
      const r = await server.request('dbt/recommendations', { uri });
      recs = recommendationChoices(r?.recommendations ?? [], nodeId);
      problem = r?.error ?? undefined;
    } catch {
      // the server is not running: the benchmark will say so
    }
    const section: Item[] = [
      { label: 'Recommendations (index tried in a sandbox)', kind: vscode.QuickPickItemKind.Separator },
    ];
    if (recs.length)
      section.push(
        ...recs.map((c) => ({ label: c.label, description: c.description, detail: c.detail, choice: c })),
      );
    else
      section.push({
        label: problem ? `$(warning) ${problem}` : 'none yet: Explain Analyze finds them',
        description: '',
      });
    return [...fixed, ...section];
  };
  const picked = await vscode.window.showQuickPick(items(), {
    title: 'dbt: Benchmark the model (as the editor has it) against…',
    placeHolder: 'What to compare against',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.choice;
}
