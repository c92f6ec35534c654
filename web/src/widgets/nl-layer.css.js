// Styles of <nl-layer> and <nl-batch>, inside their shadow roots, after the
// common sheet (common.css.js) and MATRIX_CSS (matrix-editor.js): the head with
// the shapes, the grids side by side, the result cells, the layer diagram.
import { MONO } from './common.css.js';

/** The layer widgets' own stylesheet. */
export const LAYER_CSS = `
.head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 18px; margin-bottom: 10px; }
.shape {
  margin: 0;
  padding: 4px 10px;
  border-radius: 8px;
  background: var(--nl-panel);
  font: 600 15px/1.5 ${MONO};
  overflow-wrap: anywhere;
}
.note { flex: 1 1 16rem; margin: 0; font-size: 13.5px; color: var(--nl-muted); }
.act-row { display: flex; align-items: center; gap: 8px; font-size: 14px; }
.act-row select { width: auto; min-width: 9rem; }

.main { display: flex; flex-wrap: wrap; gap: 14px 24px; align-items: flex-start; }
/* The grids scroll sideways inside the widget when they are wider than it. */
.grid-scroll { flex: 0 1 auto; min-width: 0; max-width: 100%; overflow-x: auto; padding-bottom: 4px; }
.grid { display: grid; grid-template-columns: auto auto; column-gap: 10px; row-gap: 2px; align-items: start; width: max-content; }
.grid .matrix-scroll { overflow: visible; }
/* Captions name the grids for screen readers; the headers say it on screen. */
.grid .matrix caption, .batch-grids .matrix caption.sr {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
/* Row labels share one width, so grids stacked in a column line up. */
.matrix th[scope="row"] { min-width: 2.6em; }
.grid.cols > .matrix:nth-child(n + 3) thead { display: none; }
/* rows: W's column headers repeat the inputs' just above; only b's stays. */
.grid.rows > .matrix:nth-child(3) thead th:not(.extra) { visibility: hidden; }
.grid.rows > .result-table th[scope="row"], .grid.rows > .result-table thead td:first-child { display: none; }
.grid .matrix input, .result-table output { width: 4.9em; }

/* Results: read-only cells the size of an editor's field. */
.result-table td { padding: 0; }
.result-table output {
  display: flex;
  align-items: center;
  justify-content: flex-end;
  gap: 4px;
  position: relative;
  min-height: 32px;
  padding: 3px 6px;
  border: 1px solid transparent;
  border-radius: 6px;
  background: var(--nl-panel);
  font: 600 14px ${MONO};
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
  cursor: default;
}
.result-table td.negative output .v { color: var(--nl-neg); }
.result-table td.silent output { color: var(--nl-muted); background: repeating-linear-gradient(135deg, var(--nl-panel) 0 5px, var(--nl-bg) 5px 9px); border-color: var(--nl-border); }
.result-table .off { position: absolute; left: -3px; top: -6px; font: 700 9.5px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.04em; padding: 2px 3px; border-radius: 3px; background: var(--nl-border); color: var(--nl-fg); }
.result-table td.hl output { background: var(--nl-highlight); border-color: var(--nl-fg); }
.result-table td.hl.silent output { background: repeating-linear-gradient(135deg, var(--nl-highlight) 0 5px, var(--nl-bg) 5px 9px); }
.grid.rows > .result-table th[data-col="0"], .grid.rows > .result-table th[data-col="1"] { font-weight: 700; }
.pad { min-height: 1px; }

/* The diagram. */
.figure { flex: 1 1 300px; min-width: 0; max-width: 520px; margin: 0; }
.diagram { display: block; width: 100%; height: auto; max-height: 460px; }
.diagram text { fill: var(--nl-fg); font: 12px ${MONO}; }
.diagram .name { font: italic 15px Georgia, "Times New Roman", serif; }
.diagram .small { font-size: 9.5px; }
.diagram .edge { transition: opacity 120ms; }
.diagram.focus .edge { opacity: 0.14; }
.diagram.focus .edge.hl { opacity: 1; }
.diagram .box { fill: var(--nl-panel); stroke: var(--nl-border); }
.diagram .box.out { stroke: var(--nl-pos); stroke-width: 2; }
.diagram .in.hl .box { fill: var(--nl-highlight); stroke: var(--nl-fg); stroke-width: 1.5; }
.diagram .neuron { fill: var(--nl-panel); stroke: var(--nl-fg); stroke-width: 1.5; }
.diagram .out-edge { stroke: var(--nl-muted); stroke-width: 1.5; }
.diagram .neuron-group.hl .neuron { fill: var(--nl-highlight); stroke-width: 2.5; }
.diagram .neuron-group.hl .box.out { fill: var(--nl-highlight); }
.diagram .neuron-group.silent .neuron { stroke: var(--nl-muted); stroke-dasharray: 3 3; }
.diagram .neuron-group.silent .box.out { stroke: var(--nl-muted); stroke-dasharray: 3 3; }
.diagram .neuron-group.silent text { fill: var(--nl-muted); }

/* Narrow widgets (phones): the diagram shrinks with the width, so its text grows. */
@container (max-width: 420px) {
  .nl .diagram text { font-size: 15px; }
  .nl .diagram .small { font-size: 11px; }
  .nl .diagram .name { font-size: 18px; }
  .nl .shape { font-size: 14px; }
}
/* Narrow widgets: in rows layout Z and A go under the weights, and the cells shrink. */
@container (max-width: 560px) {
  .grid.rows { grid-template-columns: auto; }
  .grid.rows > .pad { display: none; }
  .grid.rows > .result-table th[scope="row"], .grid.rows > .result-table thead td:first-child { display: table-cell; }
  .grid.rows > .result-table { margin-top: 6px; }
  .grid .matrix input, .result-table output, .batch-grids .matrix input { width: 3.9em; font-size: 13px; padding: 2px 3px; }
  .matrix th[scope="row"] { min-width: 1.6em; padding: 0 2px; }
  .matrix .extra { padding-left: 4px; }
}

/* <nl-batch>: the batch and its outputs, the tools under the batch. */
.batch-grids { display: flex; flex-wrap: wrap; gap: 12px 22px; align-items: flex-start; }
.batch-grids > * { min-width: 0; max-width: 100%; }
.batch-grids .matrix caption { text-align: left; }
.batch-tools { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0 0; }
.batch-tools .hint { font-size: 13px; color: var(--nl-muted); margin: 0 0 0 4px; }
.selected-note { margin: 0 0 4px; font-size: 14px; }
.sample-pick { display: flex; align-items: center; gap: 6px; font-size: 14px; }
.sample-pick select { width: auto; }
.batch .matrix tr.chosen th[scope="row"] { background: var(--nl-pos-bg); color: var(--nl-fg); font-weight: 700; }
`;
