// Styles of <nl-neuron>, inside its shadow root. `all: initial` on the host cuts
// off inherited styles of the host page; the theme is a set of custom properties
// (light by default, dark for theme="dark", and for theme="auto" or no theme when
// the reader's system prefers dark).

const LIGHT = `
  color-scheme: light;
  --nl-bg: #ffffff; --nl-fg: #1d2430; --nl-muted: #5a6675; --nl-border: #cfd6df;
  --nl-panel: #f3f6f9; --nl-pos: #1f5fd6; --nl-neg: #c2410c; --nl-focus: #1a56db;
  --nl-error-bg: #fdeceb; --nl-error-fg: #a1221b;`;

const DARK = `
  color-scheme: dark;
  --nl-bg: #161b22; --nl-fg: #e6edf3; --nl-muted: #9ba8b6; --nl-border: #374150;
  --nl-panel: #1f2731; --nl-pos: #79aefc; --nl-neg: #fb923c; --nl-focus: #a5c8ff;
  --nl-error-bg: #3a1d1d; --nl-error-fg: #ffaba3;`;

const MONO = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace';

/** The widget's whole stylesheet. */
export const NEURON_CSS = `
:host {
  all: initial;
  display: block;
  margin: 1.5rem 0;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  ${LIGHT}
  color: var(--nl-fg);
}
:host([theme="dark"]) { ${DARK} }
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) { ${DARK} }
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }

.nl {
  background: var(--nl-bg);
  color: var(--nl-fg);
  border: 1px solid var(--nl-border);
  border-radius: 12px;
  padding: 16px;
  container-type: inline-size;
}
.error {
  margin: 0;
  padding: 10px 12px;
  border-radius: 8px;
  background: var(--nl-error-bg);
  color: var(--nl-error-fg);
}
.error::before { content: "This neuron cannot be shown. "; font-weight: 700; }

.top { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; }
.figure { flex: 3 1 280px; min-width: 0; margin: 0; }
.diagram { display: block; width: 100%; height: auto; max-height: 360px; }
.legend { margin: 2px 0 0; font-size: 12.5px; color: var(--nl-muted); }
.key { display: inline-block; width: 22px; border-top: 3px solid var(--nl-pos); vertical-align: middle; }
.key.neg { border-top-style: dashed; border-top-color: var(--nl-neg); margin-left: 6px; }

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
input[type="range"] { width: 100%; margin: 0; min-height: 28px; accent-color: var(--nl-pos); }
input[type="text"], select {
  width: 100%;
  min-height: 32px;
  padding: 3px 6px;
  border: 1px solid var(--nl-border);
  border-radius: 6px;
  background: var(--nl-bg);
  color: var(--nl-fg);
  font: 14px ${MONO};
}
select { font-family: inherit; }
input[aria-invalid="true"] {
  border: 2px solid var(--nl-error-fg);
  background: var(--nl-error-bg);
}
:focus-visible { outline: 3px solid var(--nl-focus); outline-offset: 2px; }
.field-note { grid-column: 1 / -1; margin: 0; color: var(--nl-error-fg); font-size: 14px; }

/* The diagram. */
svg text { fill: var(--nl-fg); font: 12px ${MONO}; }
svg .name { font: italic 15px Georgia, "Times New Roman", serif; }
svg .wlabel { font-size: 11.5px; paint-order: stroke; stroke: var(--nl-bg); stroke-width: 4px; stroke-linejoin: round; }
svg .sigma { font-size: 18px; }
svg .act { fill: var(--nl-muted); font-size: 11.5px; }
.edge { fill: none; stroke-linecap: round; stroke-linejoin: round; }
.edge.pos { stroke: var(--nl-pos); }
.edge.neg { stroke: var(--nl-neg); stroke-dasharray: 8 5; stroke-linecap: butt; }
.bias-edge, .out-edge { stroke: var(--nl-muted); stroke-width: 2; }
.arrow { fill: var(--nl-muted); }
.box { fill: var(--nl-panel); stroke: var(--nl-border); }
.box.out { stroke: var(--nl-pos); stroke-width: 2; }
.neuron { fill: var(--nl-panel); stroke: var(--nl-fg); stroke-width: 1.5; }

.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
`;
