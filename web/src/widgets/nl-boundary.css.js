// Styles of <nl-boundary>, inside its shadow root, after the common sheet
// (common.css.js: theme, palette, toolbar, form controls).
import { MONO } from './common.css.js';

/** The boundary map's own stylesheet. */
export const BOUNDARY_CSS = `
.top { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: flex-start; }
.plot { position: relative; flex: 3 1 280px; max-width: 480px; min-width: 0; cursor: crosshair; touch-action: none; border-radius: 6px; }
.plot .axes { position: relative; display: block; width: 100%; height: auto; }
.heat { position: absolute; image-rendering: auto; }
.side { flex: 1 1 200px; min-width: 0; display: grid; gap: 10px; }
.frame { fill: none; stroke: var(--nl-border); }
.tick { stroke: var(--nl-muted); }
svg text { fill: var(--nl-fg); font: 12px ${MONO}; }
svg .axis { font: italic 16px Georgia, "Times New Roman", serif; }
.marker .ring-out { fill: none; stroke: #fff; stroke-width: 5; }
.marker .ring { fill: none; stroke: #111; stroke-width: 2; }
.marker .dot { fill: #111; }
.probe { fill: none; stroke: #111; stroke-width: 1.5; }
.pt { stroke: #111; stroke-width: 2; }
.pt.one { fill: #111; }
.pt.zero { fill: #fff; }
.readout { margin: 0; padding: 8px 10px; border-radius: 8px; background: var(--nl-panel); border: 1px solid var(--nl-border); font: 14px ${MONO}; overflow-wrap: anywhere; }
.readout.hover { color: var(--nl-muted); }
.label { display: block; font-size: 13px; color: var(--nl-muted); }
.bar-scale { height: 14px; border-radius: 3px; border: 1px solid var(--nl-border); margin-top: 4px; }
.scale-labels { display: flex; justify-content: space-between; font: 12px ${MONO}; color: var(--nl-muted); }
.scale-labels .mid { font-family: system-ui, sans-serif; }
.notice { margin: 0; font-size: 13px; color: var(--nl-error-fg); }
@container (max-width: 420px) {
  .nl svg text { font-size: 15px; }
}

.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 12px; margin-top: 12px; align-items: start; }
fieldset { margin: 0; min-width: 0; padding: 6px 12px 10px; border: 1px solid var(--nl-border); border-radius: 8px; }
legend { padding: 0 4px; font-size: 13px; font-weight: 600; color: var(--nl-muted); }
.row { display: grid; grid-template-columns: 2.6em minmax(0, 1fr) 5.5em; gap: 8px; align-items: center; min-height: 36px; }
.name { font-family: Georgia, "Times New Roman", serif; font-style: italic; font-size: 15px; }
.field-note { margin-top: 8px; }

details.table { margin-top: 12px; }
details.table summary { cursor: pointer; font-size: 14px; color: var(--nl-muted); }
table.values { border-collapse: collapse; margin-top: 6px; font-variant-numeric: tabular-nums; }
table.values caption { caption-side: top; text-align: left; font-size: 13px; color: var(--nl-muted); }
table.values th, table.values td { padding: 3px 8px; border: 1px solid var(--nl-border); font: 13px ${MONO}; text-align: right; }
table.values th { background: var(--nl-panel); }
`;
