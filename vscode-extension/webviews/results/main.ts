// The results view: one tab per preview (earlier ones stay until closed), each with its grid.
// Messages: src/results/messages.ts.
//
// Stable hooks for end-to-end tests (data-testid):
//   results-empty          the text shown while there is no tab
//   results-tabs           the tab strip
//   results-tab            one tab label; data-tab-id, data-state = running | done | error | cancelled,
//                          class "selected" on the shown one
//   results-tab-close      the × of a tab label (closing a running tab cancels its query)
//   results-page           one tab's page; data-tab-id, data-state as its label; hidden unless selected
//   results-status         the status: "Running…", "Cancelling…", "1,234 rows", "Failed after 1.2 s", "Cancelled after 3.2 s"
//   results-elapsed        the elapsed time: counts while running, then the final duration (server millis)
//   results-cancel         Cancel (shown while running)
//   results-running        the running placeholder in the body
//   results-rerun, results-compiled-toggle, results-profile, results-export   toolbar buttons
//   results-compiled-sql   the compiled SQL (<pre>) in the Compiled SQL pane
//   results-profile-pane   the profile table (results-profile-cancel / results-profile-error inside)
//   results-grid           the Tabulator grid (.tabulator-row / .tabulator-cell / .col-name / .col-type inside;
//                          NULL cells are span.null)
//   results-detail         the detail pane; results-detail-value its <pre> (data-json="true" when JSON);
//                          results-detail-close
//   results-error          the error box (data-code = the server's error code); results-problems the compile problems
//   results-cancelled      the box of a cancelled run
//   results-inlined        the note naming parents compiled in front of the query
//   results-scanned        the bytes the query scans, from the warehouse's dry run (BigQuery)
//   results-footer         "N rows loaded · more available | all rows | loading more…";
//                          results-row-count, results-load-more, results-truncated, results-page-error inside
import 'tabulator-tables/dist/css/tabulator.min.css';
import '../shared/base.css';
import './results.css';
import type { FromView, ToView } from '../../src/results/messages';
import { el } from '../shared/dom';
import { listen, post } from '../shared/host';
import { TabView } from './tabView';

const tabs = new Map<number, TabView>();
let selected: number | undefined;

const strip = el('div', { class: 'tabs', role: 'tablist', 'data-testid': 'results-tabs' });
const pages = el('div', { class: 'pages' });
const empty = el(
  'div',
  { class: 'empty muted', 'data-testid': 'results-empty' },
  'No results yet. Run “dbt: Preview Model” (Ctrl/Cmd+Enter in a model) or select SQL and run “dbt: Preview Selection”.',
);
document.getElementById('root')!.append(strip, pages, empty);

const send = (m: FromView): void => post(m);

function select(id: number | undefined, tell = true): void {
  selected = id;
  for (const t of tabs.values()) t.setSelected(t.id === id);
  empty.hidden = tabs.size > 0;
  strip.hidden = tabs.size === 0;
  if (tell && id !== undefined) send({ type: 'select', id });
  if (id !== undefined) tabs.get(id)?.label.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function remove(id: number, tellExtension: boolean): void {
  const tab = tabs.get(id);
  if (!tab) return;
  const order = [...tabs.keys()];
  const i = order.indexOf(id);
  tab.dispose();
  tabs.delete(id);
  if (tellExtension) send({ type: 'close', id });
  if (selected === id) {
    const rest = [...tabs.keys()];
    select(rest[Math.min(i, rest.length - 1)]);
  } else {
    select(selected, false);
  }
}

listen<ToView>((m) => {
  if (m.type === 'open') {
    const tab = new TabView(
      m.tab,
      send,
      () => remove(m.tab.id, true),
      () => select(m.tab.id),
    );
    tabs.set(m.tab.id, tab);
    strip.append(tab.label);
    pages.append(tab.page);
    select(m.tab.id, false);
    return;
  }
  if (m.type === 'closed') return remove(m.id, false);
  const tab = tabs.get(m.id);
  if (!tab) return;
  switch (m.type) {
    case 'running':
      return tab.startRunning(m.startedAt);
    case 'result':
      return tab.result(m.result, m.elapsedMs);
    case 'failed':
      return tab.failed(m.state, m.message, m.elapsedMs);
    case 'page':
      return tab.addPage(m.page);
    case 'pageFailed':
      return tab.pageFailed(m.message);
    case 'profileRunning':
      return tab.profileRunning(m.startedAt);
    case 'profile':
      return tab.profileDone(m.profile);
    case 'profileFailed':
      return tab.profileFailed(m.message);
    case 'select':
      return select(m.id, false);
  }
});
select(undefined, false);
