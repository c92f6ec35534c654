// Styles of <nl-activation>, inside its shadow root, after the common sheet.
// Each function gets a colour (Okabe–Ito, safe under the common colour-vision
// deficiencies, with lighter variants for dark mode) AND a dash pattern.
import { MONO } from './common.css.js';

/** The series styles, in the order the functions are named; `words` is said to screen readers. */
export const SERIES = [
  { light: '#0072b2', dark: '#56b4e9', dash: 'none', words: 'blue, solid line' },
  { light: '#d55e00', dark: '#ff8c42', dash: '9 4', words: 'vermilion, long dashes' },
  { light: '#009e73', dark: '#3fd0a5', dash: '2 3', words: 'green, dotted' },
  { light: '#cc3d96', dark: '#e89ac7', dash: '12 3 3 3', words: 'purple, dash-dot' },
  { light: '#9a7200', dark: '#f0c040', dash: '5 5', words: 'ochre, short dashes' },
  { light: '#4d4d4d', dark: '#c8c8c8', dash: '1 4', words: 'grey, sparse dots' },
];

const vars = (mode) => SERIES.map((s, i) => `--s${i}: ${s[mode]};`).join(' ');

/** The activation plot's own stylesheet. */
export const ACTIVATION_CSS = `
:host { ${vars('light')} }
:host([theme="dark"]) { ${vars('dark')} }
@media (prefers-color-scheme: dark) { :host(:not([theme="light"])) { ${vars('dark')} } }
${SERIES.map((s, i) => `.s${i} { stroke: var(--s${i}); ${s.dash === 'none' ? '' : `stroke-dasharray: ${s.dash};`} } .dot.s${i} { fill: var(--s${i}); }`).join('\n')}

.top { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: flex-start; }
.figure { flex: 3 1 340px; min-width: 0; }
.side { flex: 1 1 210px; min-width: 0; }
.plot { display: block; width: 100%; height: auto; touch-action: pan-y; cursor: crosshair; border-radius: 6px; }
.plot:focus-visible { outline: 3px solid var(--nl-focus); outline-offset: 2px; }
.gridline { stroke: var(--nl-border); stroke-width: 0.6; opacity: 0.7; }
.frame { fill: none; stroke: var(--nl-border); }
.axis { stroke: var(--nl-muted); stroke-width: 1; }
.tick { fill: var(--nl-muted); font: 11px ${MONO}; }
.axis-title { fill: var(--nl-muted); font: italic 13px Georgia, "Times New Roman", serif; }
.curve { fill: none; stroke-width: 2.4; stroke-linecap: butt; stroke-linejoin: round; }
.probe { stroke: var(--nl-fg); stroke-width: 1; opacity: 0.55; }
.probe-label { fill: var(--nl-fg); font: 600 12px ${MONO}; paint-order: stroke; stroke: var(--nl-bg); stroke-width: 4px; }
.dot { stroke: var(--nl-bg); stroke-width: 1.5; stroke-dasharray: none; }
.help { margin: 4px 0 0; font-size: 12.5px; color: var(--nl-muted); }

.key-line { width: 30px; height: 10px; flex: none; overflow: visible; }

.readout { border-collapse: collapse; font-variant-numeric: tabular-nums; width: 100%; }
.readout caption { caption-side: top; text-align: left; font: 600 14px ${MONO}; padding-bottom: 4px; }
.readout th, .readout td { padding: 3px 8px; border: 1px solid var(--nl-border); font-size: 13.5px; }
.readout th { text-align: left; font-weight: 500; background: var(--nl-panel); }
.readout th .key-line { display: inline-block; vertical-align: middle; margin-right: 6px; }
.readout td { text-align: right; font: 600 14px ${MONO}; }

@container (max-width: 480px) {
  .nl .tick { font-size: 15px; }
  .nl .axis-title { font-size: 17px; }
  .nl .probe-label { font-size: 16px; }
  .nl .curve { stroke-width: 3; }
}
details.values { margin-top: 10px; }
details.values summary { cursor: pointer; font-size: 14px; color: var(--nl-muted); }
.table-scroll { max-width: 100%; overflow-x: auto; }
.values-table { border-collapse: collapse; margin-top: 6px; font-variant-numeric: tabular-nums; }
.values-table caption { caption-side: top; text-align: left; font-size: 13px; color: var(--nl-muted); padding-bottom: 4px; }
.values-table th, .values-table td { padding: 3px 7px; border: 1px solid var(--nl-border); font: 13px ${MONO}; text-align: right; }
.values-table th[scope="row"] { text-align: left; font-family: system-ui, sans-serif; background: var(--nl-panel); white-space: nowrap; }
.values-table thead th { background: var(--nl-panel); }
`;
