// Styles of <nl-neuron>, inside its shadow root, after the common sheet
// (common.css.js: theme, palette, toolbar, form controls, edges and legend keys).
import { MONO } from './common.css.js';

/** The neuron's own stylesheet. */
export const NEURON_CSS = `
.top { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; }
.figure { flex: 3 1 280px; min-width: 0; margin: 0; }
.diagram { display: block; width: 100%; height: auto; max-height: 360px; }

.results {
  flex: 1 1 150px;
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(130px, 1fr));
  gap: 10px;
}
.result {
  background: var(--nl-panel);
  border: 1px solid var(--nl-border);
  border-radius: 10px;
  padding: 8px 12px;
}
.result.y { border-color: var(--nl-pos); }
.label { display: block; font-size: 13px; color: var(--nl-muted); }
.symbol { font: italic 20px Georgia, "Times New Roman", serif; color: var(--nl-muted); }
.value {
  font: 600 28px/1.2 ${MONO};
  font-variant-numeric: tabular-nums;
  overflow-wrap: anywhere;
}

/* Narrow widgets (phones): the diagram shrinks with the width, so its text grows. */
@container (max-width: 420px) {
  .nl .value { font-size: 22px; }
  .nl .symbol { font-size: 17px; }
  .nl svg text { font-size: 14px; }
  .nl svg .wlabel, .nl svg .act { font-size: 13px; }
  .nl svg .name { font-size: 17px; }
  .nl svg .sigma { font-size: 20px; }
}

.steps {
  margin: 14px 0;
  padding: 10px 12px;
  border-radius: 8px;
  background: var(--nl-panel);
  font: 14px/1.6 ${MONO};
}
/* Wrapped parts of a long line hang under its first term. */
.line { padding-left: 4ch; text-indent: -4ch; }
.line:nth-child(2), .line:nth-child(3) { padding-left: 6ch; }
.line span { white-space: nowrap; }

.controls {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
  gap: 12px;
  align-items: start;
}
fieldset {
  margin: 0;
  min-width: 0;
  padding: 6px 12px 10px;
  border: 1px solid var(--nl-border);
  border-radius: 8px;
}
fieldset.wide { grid-column: 1 / -1; display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); column-gap: 24px; }
legend { padding: 0 4px; font-size: 13px; font-weight: 600; color: var(--nl-muted); }
.row {
  display: grid;
  grid-template-columns: 2.2em minmax(0, 1fr) 5.5em;
  gap: 8px;
  align-items: center;
  min-height: 38px;
}
.row.act { grid-template-columns: auto minmax(0, 1fr); }
.name { font-family: Georgia, "Times New Roman", serif; font-style: italic; font-size: 16px; }
.row.act .name { font-family: inherit; font-style: normal; font-size: 14px; }
.field-note { grid-column: 1 / -1; }

/* The diagram. */
svg text { fill: var(--nl-fg); font: 12px ${MONO}; }
svg .name { font: italic 15px Georgia, "Times New Roman", serif; }
svg .wlabel { font-size: 11.5px; paint-order: stroke; stroke: var(--nl-bg); stroke-width: 4px; stroke-linejoin: round; }
svg .sigma { font-size: 18px; }
svg .act { fill: var(--nl-muted); font-size: 11.5px; }
.bias-edge, .out-edge { stroke: var(--nl-muted); stroke-width: 2; }
.arrow { fill: var(--nl-muted); }
.box { fill: var(--nl-panel); stroke: var(--nl-border); }
.box.out { stroke: var(--nl-pos); stroke-width: 2; }
.neuron { fill: var(--nl-panel); stroke: var(--nl-fg); stroke-width: 1.5; }
`;
