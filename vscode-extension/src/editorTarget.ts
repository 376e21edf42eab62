import * as vscode from 'vscode';

/** The argument code lenses pass to dbtls.preview / explain / benchmark / showCompiledSql / lineage. */
export interface LensArgument {
  /** The document the lens is in. */
  uri?: string;
  /** dbt's unique id of the node, e.g. `model.shop.orders`. */
  uniqueId?: string;
}

/**
 * The document a model command acts on: the file of the code lens it came from, else the
 * active editor's. Undefined (after telling the user why) when there is none.
 */
export function targetDocument(arg?: LensArgument | vscode.Uri): vscode.TextDocument | undefined {
  const uri = arg instanceof vscode.Uri ? arg.toString() : arg?.uri;
  const lensDocument = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
  if (lensDocument) return lensDocument;
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('dbt: open a model (.sql file of a dbt project) first.');
    return undefined;
  }
  return editor.document;
}
