// Styles of <nl-xor>, inside its shadow root, after the common sheet
// (common.css.js: theme, palette, toolbar, form controls, legend).
import { MONO } from './common.css.js';

/** The XOR widget's own stylesheet. */
export const XOR_CSS = `
.verdict {
  margin: 0 0 10px;
  padding: 8px 12px;
  border: 1px solid var(--nl-border);
  border-left: 5px solid var(--nl-error-fg);
  border-radius: 8px;
  background: var(--nl-panel);
  font-weight: 600;
}
.verdict.solved { border-left-color: var(--nl-ok); color: var(--nl-ok); background: var(--nl-bg); }

.top { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: flex-start; }
.figure { flex: 1 1 240px; max-width: 340px; min-width: 0; margin: 0 auto; }
.map { display: block; width: 100%; height: auto; }
.region.zero { fill: var(--nl-neg-bg); }
.region.one { fill: var(--nl-pos-bg); }
.hatch-line { stroke: var(--nl-pos); stroke-width: 1.2; stroke-opacity: 0.45; }
.unit { fill: none; stroke: var(--nl-muted); stroke-width: 1; stroke-dasharray: 2 3; }
.frame { fill: none; stroke: var(--nl-border); }
.hline { stroke: var(--nl-fg); stroke-width: 1.6; stroke-dasharray: 7 4; opacity: 0.75; }
.hlabel { fill: var(--nl-fg); font: italic 13px Georgia, "Times New Roman", serif; }
.tick { fill: var(--nl-muted); font: 11px ${MONO}; }
.axis-title { fill: var(--nl-muted); font: italic 14px Georgia, "Times New Roman", serif; }
.corner { stroke: var(--nl-fg); stroke-width: 1.6; }
.corner.t1 { fill: var(--nl-fg); }
.corner.t0 { fill: var(--nl-bg); }
.cdigit { font: 700 11px ${MONO}; }
.cdigit.t1 { fill: var(--nl-bg); }
.cdigit.t0 { fill: var(--nl-fg); }
.cmark { font: 700 11.5px ${MONO}; paint-order: stroke; stroke: var(--nl-bg); stroke-width: 3px; stroke-linejoin: round; }
.cmark.pass { fill: var(--nl-ok); }
.cmark.fail { fill: var(--nl-error-fg); }
.map-legend { margin-top: 4px; }
.map-legend p { margin: 0; white-space: pre-wrap; }
.dotkey { display: inline-block; width: 11px; height: 11px; border-radius: 50%; border: 1.5px solid var(--nl-fg); vertical-align: -1px; }
.dotkey.t1 { background: var(--nl-fg); }
.dotkey.t0 { background: var(--nl-bg); margin-left: 4px; }
.dashkey { display: inline-block; width: 22px; border-top: 2px dashed var(--nl-fg); vertical-align: middle; opacity: 0.75; }
.swatch { display: inline-block; width: 14px; height: 12px; vertical-align: -1px; border: 1px solid var(--nl-border); }
.swatch.one { background: repeating-linear-gradient(45deg, var(--nl-pos-bg) 0 3px, var(--nl-pos) 3px 4px); }
.swatch.zero { background: var(--nl-neg-bg); margin-left: 4px; }

.table-wrap { flex: 1 1 300px; min-width: 0; max-width: 100%; overflow-x: auto; }
table.truth { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0 auto; }
table.truth caption { caption-side: top; text-align: left; padding: 0 0 4px; font-size: 13px; color: var(--nl-muted); }
table.truth th, table.truth td { padding: 4px 7px; border: 1px solid var(--nl-border); text-align: center; font: 14px ${MONO}; }
table.truth thead th { background: var(--nl-panel); font: italic 14px Georgia, "Times New Roman", serif; }
table.truth td:nth-child(3), table.truth td:nth-child(4), table.truth th:nth-child(3), table.truth th:nth-child(4) { background: var(--nl-panel); }
table.truth td:nth-child(6) { font-weight: 700; }
table.truth td:last-child { text-align: left; font: 600 13.5px system-ui, sans-serif; white-space: nowrap; }
table.truth tr.pass td:last-child { color: var(--nl-ok); }
table.truth tr.fail td:last-child { color: var(--nl-error-fg); background: var(--nl-error-bg); }

.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(12.5rem, 1fr)); gap: 10px; margin-top: 12px; }
fieldset { margin: 0; min-width: 0; padding: 4px 10px 8px; border: 1px solid var(--nl-border); border-radius: 8px; }
legend { padding: 0 4px; font-size: 13px; font-weight: 600; }
.formula { margin: 0 0 4px; font: italic 13px Georgia, "Times New Roman", serif; color: var(--nl-muted); }
.param { display: grid; grid-template-columns: 1.6em minmax(0, 1fr) 4.6em; gap: 8px; align-items: center; min-height: 34px; }
.param .name { font: italic 15px Georgia, "Times New Roman", serif; white-space: nowrap; }
.param input[type="text"] { text-align: right; }
.controls .field-note { grid-column: 1 / -1; }
@container (max-width: 420px) {
  table.truth th, table.truth td { padding: 3px 4px; font-size: 13px; }
  .figure { max-width: 100%; }
}
`;
