// Styles every widget shares, inside its shadow root (base.js adopts them before
// the widget's own). `all: initial` on the host cuts off what a host page's CSS
// would otherwise pass down. The theme is a set of custom properties: light by
// default, dark for theme="dark", and for theme="auto" (or none) when the
// reader's system prefers dark.
//
// Palette: a diverging blue / orange pair that stays distinct under the common
// colour-vision deficiencies; signs are never shown by colour alone (negative
// edges are also dashed, negative numbers carry their minus sign).
//   --nl-pos, --nl-neg          strokes and text for positive / negative values
//   --nl-pos-bg, --nl-neg-bg    tints for cells and areas
//   --nl-mid                    the neutral middle of a diverging scale

const LIGHT = `
  color-scheme: light;
  --nl-bg: #ffffff; --nl-fg: #1d2430; --nl-muted: #5a6675; --nl-border: #cfd6df;
  --nl-panel: #f3f6f9; --nl-pos: #1f5fd6; --nl-neg: #c2410c; --nl-mid: #f4f4f2;
  --nl-pos-bg: #dde8fb; --nl-neg-bg: #fde6d6; --nl-focus: #1a56db; --nl-highlight: #fff3bf;
  --nl-error-bg: #fdeceb; --nl-error-fg: #a1221b; --nl-ok: #1b7a3d; --nl-shadow: rgb(16 24 40 / 0.16);`;

const DARK = `
  color-scheme: dark;
  --nl-bg: #161b22; --nl-fg: #e6edf3; --nl-muted: #9ba8b6; --nl-border: #374150;
  --nl-panel: #1f2731; --nl-pos: #79aefc; --nl-neg: #fb923c; --nl-mid: #2a2f36;
  --nl-pos-bg: #1b3154; --nl-neg-bg: #4a2914; --nl-focus: #a5c8ff; --nl-highlight: #4b4215;
  --nl-error-bg: #3a1d1d; --nl-error-fg: #ffaba3; --nl-ok: #6fd08c; --nl-shadow: rgb(0 0 0 / 0.5);`;

/** Monospace stack for numbers. */
export const MONO = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace';

/**
 * Every inherited text property, set explicitly on a widget's root ([part="base"]).
 * `all: initial` on :host loses to a host-page rule that matches the element itself
 * (`* { font-size: 40px !important }`), and what the host then gets would inherit
 * into the shadow tree; set here, inside, nothing of it reaches the widget's text.
 */
export const TEXT_RESET = `
  font: 400 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-kerning: auto; font-size-adjust: none; font-feature-settings: normal; font-variation-settings: normal;
  letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0; text-align: start;
  text-shadow: none; white-space: normal; word-break: normal; overflow-wrap: normal; hyphens: manual;
  font-synthesis: weight style; -webkit-text-stroke: 0; -webkit-text-fill-color: currentcolor;
  visibility: visible; cursor: auto; writing-mode: horizontal-tb; text-decoration: none;`;

/** The stylesheet every widget adopts first. */
export const COMMON_CSS = `
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
@media print {
  .bar, .manual { display: none !important; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
:focus-visible { outline: 3px solid var(--nl-focus); outline-offset: 2px; }

.nl {
  ${TEXT_RESET}
  position: relative;
  background: var(--nl-bg);
  color: var(--nl-fg);
  border: 1px solid var(--nl-border);
  border-radius: 12px;
  padding: 10px 16px 16px;
  container-type: inline-size;
}
.fallback { color: var(--nl-muted); font-size: 14px; }

/* Toolbar: Reset and a Share menu, top right; their status on the left, or
   on narrow widgets on a row of its own below them (it stays in the
   accessibility tree when empty, so screen readers hear what it says). */
.bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 0 6px; min-height: 32px; margin-bottom: 6px; }
.status { flex: 1 1 0; min-width: 0; margin: 0; font-size: 13px; color: var(--nl-muted); }
@container (max-width: 520px) {
  .bar .status { order: 1; flex-basis: 100%; margin-top: 4px; }
  .bar .status:empty { margin-top: 0; }
}
.status.ok { color: var(--nl-ok); }
.status.bad { color: var(--nl-error-fg); }
.tool, .menu button {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  min-height: 32px;
  padding: 4px 10px;
  border: 1px solid var(--nl-border);
  border-radius: 8px;
  background: var(--nl-panel);
  color: var(--nl-fg);
  font: 500 13px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  cursor: pointer;
  white-space: nowrap;
}
.tool:hover, .menu button:hover { border-color: var(--nl-muted); }
.tool[aria-expanded="true"] { background: var(--nl-bg); border-color: var(--nl-focus); }
.icon { width: 16px; height: 16px; flex: none; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.share { position: relative; }
.menu {
  position: absolute;
  right: 0;
  top: calc(100% + 4px);
  z-index: 10;
  display: flex;
  flex-direction: column;
  gap: 2px;
  min-width: 13.5rem;
  padding: 6px;
  border: 1px solid var(--nl-border);
  border-radius: 10px;
  background: var(--nl-bg);
  box-shadow: 0 8px 24px var(--nl-shadow);
}
.menu button { width: 100%; border-color: transparent; background: transparent; text-align: left; }
.menu button:hover, .menu button:focus-visible { background: var(--nl-panel); }
.menu button[aria-disabled="true"] { color: var(--nl-muted); cursor: not-allowed; }
.menu hr { width: 100%; margin: 3px 0; border: 0; border-top: 1px solid var(--nl-border); }
.manual { display: grid; gap: 6px; margin: 0 0 8px; }
.manual textarea { width: 100%; min-height: 5.5em; font: 12px ${MONO}; color: var(--nl-fg); background: var(--nl-panel); border: 1px solid var(--nl-border); border-radius: 6px; }
.manual .tool { justify-self: end; }

.error {
  margin: 0;
  padding: 10px 12px;
  border-radius: 8px;
  background: var(--nl-error-bg);
  color: var(--nl-error-fg);
}
.error::before { content: attr(data-title) " "; font-weight: 700; }
.loading { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; font-size: 13px; color: var(--nl-muted); }
.loading::before {
  content: "";
  width: 14px;
  height: 14px;
  border: 2px solid var(--nl-border);
  border-top-color: var(--nl-pos);
  border-radius: 50%;
  animation: nl-spin 0.8s linear infinite;
}
@keyframes nl-spin { to { transform: rotate(1turn); } }

/* Form controls. */
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
input[type="range"] { width: 100%; margin: 0; min-height: 28px; accent-color: var(--nl-pos); }
input[aria-invalid="true"] { border: 2px solid var(--nl-error-fg); background: var(--nl-error-bg); }
.field-note { margin: 0; color: var(--nl-error-fg); font-size: 14px; }

/* Sign by colour and by line style. */
.legend { margin: 2px 0 0; font-size: 12.5px; color: var(--nl-muted); }
.key { display: inline-block; width: 22px; border-top: 3px solid var(--nl-pos); vertical-align: middle; }
.key.neg { border-top-style: dashed; border-top-color: var(--nl-neg); margin-left: 6px; }
.edge { fill: none; stroke-linecap: round; stroke-linejoin: round; }
.edge.pos { stroke: var(--nl-pos); }
.edge.neg { stroke: var(--nl-neg); stroke-dasharray: 8 5; stroke-linecap: butt; }
.pos-text { color: var(--nl-pos); }
.neg-text { color: var(--nl-neg); }

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
