// The legend of a graph's edge styles (column lineage: kinds; ERD: where a relationship is declared).
import { Panel, PanelPosition } from '@xyflow/react';

export interface LegendItem {
  key: string;
  label: string;
  title: string;
  /** the class that styles the edge, given to the sample line */
  lineClass: string;
}

export function EdgeLegend({
  items,
  position,
  testId,
}: {
  items: LegendItem[];
  position: PanelPosition;
  testId: string;
}) {
  return (
    <Panel position={position} className="col-legend" data-testid={testId}>
      {items.map((i) => (
        <span key={i.key} className="col-legend-item" title={i.title}>
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="28" y2="4" className={`col-legend-line ${i.lineClass}`} />
          </svg>
          {i.label}
        </span>
      ))}
    </Panel>
  );
}
