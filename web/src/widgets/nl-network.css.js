// Styles of <nl-network>, inside its shadow root, after the common sheet
// (common.css.js: theme, palette, toolbar, form controls, edges and legend keys).
import { MONO } from './common.css.js';

/** The network's own stylesheet. */
export const NETWORK_CSS = `
.top { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; }
.figure { flex: 3 1 300px; min-width: 0; margin: 0; }
.diagram { display: block; width: 100%; height: auto; max-height: 440px; }
.summary { flex: 1 1 180px; display: grid; gap: 10px; min-width: 0; }
.result { background: var(--nl-panel); border: 1px solid var(--nl-border); border-radius: 10px; padding: 8px 12px; min-width: 0; }
.result:first-child { border-color: var(--nl-pos); }
.label { display: block; font-size: 13px; color: var(--nl-muted); }
.value { display: block; font: 600 24px/1.25 ${MONO}; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.value.small { font-size: 20px; }
.formula { display: block; font: 13px ${MONO}; color: var(--nl-muted); overflow-wrap: anywhere; }

svg text { fill: var(--nl-fg); font: 10px ${MONO}; }
svg .name { font: italic 12px Georgia, "Times New Roman", serif; fill: var(--nl-muted); }
svg .col { font: 12px system-ui, sans-serif; fill: var(--nl-muted); }
.node { fill: var(--nl-panel); stroke: var(--nl-fg); stroke-width: 1.3; }
.node.input { fill: var(--nl-bg); stroke: var(--nl-muted); }
.edge { stroke-opacity: 0.85; }
@container (max-width: 420px) {
  .nl svg text { font-size: 12px; }
  .nl svg .name { font-size: 13px; }
  .nl .value { font-size: 20px; }
}

.sample-row { display: flex; gap: 8px; align-items: center; margin: 8px 0 0; font-size: 14px; }
.sample-row select { width: auto; }

.results { display: flex; flex-wrap: wrap; gap: 10px 24px; margin: 12px 0; }
.table-wrap { flex: 0 1 auto; }
.table-wrap { max-width: 100%; overflow-x: auto; }
.controls > .group:not(.wide) { min-width: 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.cap { margin: 0 0 2px; font-size: 13px; color: var(--nl-muted); }
table.values th, table.values td { padding: 3px 8px; border: 1px solid var(--nl-border); font: 13.5px ${MONO}; text-align: right; }
table.values thead th { font: italic 13px Georgia, "Times New Roman", serif; text-align: center; background: var(--nl-panel); }
table.values tbody th { background: var(--nl-panel); font-weight: 600; }
table.values tr.a td { font-weight: 600; }

.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 12px; align-items: start; }
fieldset { margin: 0; min-width: 0; padding: 6px 12px 10px; border: 1px solid var(--nl-border); border-radius: 8px; }
fieldset.wide { grid-column: 1 / -1; }
legend { padding: 0 4px; font-size: 13px; font-weight: 600; color: var(--nl-muted); }
.pick { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; font-size: 14px; }
.pick select { width: auto; max-width: 100%; }
.pick input[type="text"] { width: 5em; }
.shape { margin: 6px 0; font-size: 13px; color: var(--nl-muted); }
.grid-wrap { max-width: 100%; overflow-x: auto; margin: 4px 0; }
table.grid caption { caption-side: top; text-align: left; font: italic 14px Georgia, serif; }
table.grid th { font: italic 12.5px Georgia, "Times New Roman", serif; color: var(--nl-muted); padding: 0 4px; font-weight: normal; }
table.grid td { padding: 2px; }
table.grid input[type="text"] { width: 4.6em; min-height: 30px; padding: 2px 4px; font-size: 13px; text-align: right; }
.field-note { grid-column: 1 / -1; }
`;
