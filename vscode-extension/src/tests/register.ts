import * as vscode from 'vscode';
import { LensArgument, targetDocument } from '../editorTarget';
import type { DbtServer } from '../server/dbtServer';
import { DbtTests } from './dbtTests';

/**
 * `dbtls.testModel` (dbt: Test Model): the data tests of the document's nodes — a model's file,
 * or a property YAML's entries — run by the server (dbt/run `test`), shown in the Testing view.
 */
export function registerTests(context: vscode.ExtensionContext, server: DbtServer): DbtTests {
  const tests = new DbtTests(server);
  context.subscriptions.push(
    tests,
    vscode.commands.registerCommand('dbtls.testModel', async (arg?: LensArgument | vscode.Uri) => {
      const document = targetDocument(arg);
      if (!document) return undefined;
      return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'dbt test', cancellable: true },
        (_, token) => tests.testDocument(document.uri.toString(), token),
      );
    }),
  );
  return tests;
}
