import * as vscode from 'vscode';
import type { DbtServer } from '../server/dbtServer';

/** Registers this feature's commands and views. (Placeholder until the feature lands.) */
export function registerPlan(_context: vscode.ExtensionContext, _server: DbtServer): void {}
