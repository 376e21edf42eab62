import * as vscode from 'vscode';
import type { ProjectInfo } from '../protocol.generated';

/** "shop · dev (duckdb)" */
export function describeProject(p: ProjectInfo): string {
  const target = p.target ? ` · ${p.target}${p.adapter ? ` (${p.adapter})` : ''}` : '';
  return `${p.name ?? 'dbt project'}${target}`;
}

/**
 * The language status item of dbt files: the project and target, indexing progress, the number
 * of problems, or why the server is not running. Clicking it offers switch target, restart,
 * show log.
 */
export class ServerStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private projects: ProjectInfo[] = [];
  private progress: string | undefined;
  private problems = 0;
  private stoppedReason: string | undefined;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('dbtls.status', selector);
    this.item.name = 'dbtls';
    this.item.command = { title: 'Actions', command: 'dbtls.statusActions' };
    this.starting();
  }

  starting(): void {
    this.stoppedReason = undefined;
    this.progress = 'starting';
    this.render();
  }

  running(projects: ProjectInfo[]): void {
    this.stoppedReason = undefined;
    if (this.progress === 'starting') this.progress = undefined;
    this.projects = projects;
    this.render();
  }

  indexing(message: string | undefined): void {
    this.progress = message;
    this.render();
  }

  problemCount(n: number): void {
    this.problems = n;
    this.render();
  }

  stopped(reason: string): void {
    this.stoppedReason = reason;
    this.progress = undefined;
    this.render();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const i = this.item;
    if (this.stoppedReason) {
      i.text = '$(error) dbtls stopped';
      i.detail = this.stoppedReason;
      i.severity = vscode.LanguageStatusSeverity.Error;
      i.busy = false;
      return;
    }
    const names = this.projects.map(describeProject);
    i.text =
      names.length === 0 ? 'dbt' : names.length === 1 ? `dbt: ${names[0]}` : `dbt: ${names.length} projects`;
    i.busy = this.progress !== undefined;
    i.severity = vscode.LanguageStatusSeverity.Information;
    const state =
      this.progress ??
      `${this.problems === 0 ? 'no' : this.problems} problem${this.problems === 1 ? '' : 's'}`;
    i.detail = names.length > 1 ? `${names.join(', ')} — ${state}` : state;
  }
}
