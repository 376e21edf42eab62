import * as vscode from 'vscode';
import { makeRoomForViews } from '../webview/viewColumn';
import { LensArgument, targetDocument } from '../editorTarget';
import type { DbtServer } from '../server/dbtServer';
import { PlanPanel } from './planPanel';

/**
 * `dbtls.explain` (dbt: Explain Model): the warehouse's plan of the code lens's model, a file's
 * (a vscode.Uri from a menu), or the active editor's, in the Query plan panel beside the editor.
 * Estimates only at first (the query is not run); the view's Explain Analyze runs it to measure.
 */
export function registerPlan(context: vscode.ExtensionContext, server: DbtServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dbtls.explain', async (arg?: LensArgument | vscode.Uri) => {
      const uniqueId = arg && !(arg instanceof vscode.Uri) ? arg.uniqueId : undefined;
      // a lens or menu names its document (open or not); else the active editor's
      const uri =
        arg instanceof vscode.Uri ? arg.toString() : (arg?.uri ?? targetDocument(arg)?.uri.toString());
      if (!uri) return;
      await makeRoomForViews();
      return PlanPanel.show(server, { uri, nodeId: uniqueId });
    }),
    { dispose: () => PlanPanel.closeAll() },
  );
}
