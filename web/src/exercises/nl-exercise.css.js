// Styles of <nl-exercise>, inside its shadow root. The question itself is the
// author's light-DOM text (slotted), so it keeps the page's typography and
// typeset formulas; these rules style the frame, the answer form and feedback.

const LIGHT = `
  color-scheme: light;
  --nl-bg: #f6f8fb; --nl-fg: #1d2430; --nl-muted: #5a6675; --nl-border: #cfd6df;
  --nl-field: #ffffff; --nl-accent: #1f5fd6; --nl-focus: #1a56db; --nl-on-accent: #ffffff;
  --nl-good-bg: #e3f4ea; --nl-good-fg: #17603a; --nl-bad-bg: #fdf0e6; --nl-bad-fg: #8a3206;
  --nl-error-bg: #fdeceb; --nl-error-fg: #a1221b;`;

const DARK = `
  color-scheme: dark;
  --nl-bg: #18202a; --nl-fg: #e6edf3; --nl-muted: #9ba8b6; --nl-border: #374150;
  --nl-field: #10151c; --nl-accent: #79aefc; --nl-focus: #a5c8ff; --nl-on-accent: #0b1220;
  --nl-good-bg: #173226; --nl-good-fg: #9be0b8; --nl-bad-bg: #3a2616; --nl-bad-fg: #fdc48f;
  --nl-error-bg: #3a1d1d; --nl-error-fg: #ffaba3;`;

const MONO = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace';

// Every inherited text property of what the element draws itself, set inside:
// a host-page rule matching the element (`* { font-size: 40px !important }`)
// beats :host and would otherwise inherit in. The slotted question is left out
// on purpose: it is the author's text and keeps the page's typography.
const TEXT_RESET = `
  font: 400 16px/1.45 system-ui, sans-serif;
  letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0; text-align: start;
  text-shadow: none; white-space: normal; word-break: normal; overflow-wrap: normal; hyphens: manual;
  font-feature-settings: normal; font-variation-settings: normal; font-size-adjust: none;
  -webkit-text-fill-color: currentcolor; visibility: visible; writing-mode: horizontal-tb;`;

/** The element's whole stylesheet. */
export const EXERCISE_CSS = `
:host {
  display: block;
  margin: 1.2rem 0;
  ${LIGHT}
}
:host([theme="dark"]) { ${DARK} }
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) { ${DARK} }
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }

.frame {
  padding: 13px 16px 14px;
  border: 1px solid var(--nl-border);
  border-left: 4px solid var(--nl-accent);
  border-radius: 8px;
  background: var(--nl-bg);
  color: var(--nl-fg);
  writing-mode: horizontal-tb;
}
/* No specificity, so the rules below set each part's own font over it. */
:where(.frame > :not(.question)) { ${TEXT_RESET} }
.kind {
  margin: 0 0 0.3em;
  font: 600 12.5px/1.3 system-ui, sans-serif;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--nl-muted);
}
.question ::slotted(*) { margin-top: 0; }
.question ::slotted(:last-child) { margin-bottom: 0.6em; }

form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 0.6em; margin: 0; }
label { font: 0.95em/1.4 system-ui, sans-serif; }
.unit { color: var(--nl-muted); font-size: 0.85em; }
input {
  width: 9em;
  max-width: 100%;
  padding: 0.35em 0.5em;
  font: 1em/1.3 ${MONO};
  color: var(--nl-fg);
  background: var(--nl-field);
  border: 1px solid var(--nl-border);
  border-radius: 6px;
}
button {
  padding: 0.35em 0.9em;
  font: 600 0.95em/1.3 system-ui, sans-serif;
  color: var(--nl-on-accent);
  background: var(--nl-accent);
  border: 1px solid var(--nl-accent);
  border-radius: 6px;
  cursor: pointer;
}
button.secondary { color: var(--nl-accent); background: transparent; }
input:focus-visible, button:focus-visible {
  outline: 3px solid var(--nl-focus);
  outline-offset: 2px;
}

.feedback, .status {
  margin: 0.6em 0 0;
  font: 15px/1.45 system-ui, sans-serif;
}
.feedback:empty { display: none; }
.feedback.correct, .status.solved { padding: 0.35em 0.6em; border-radius: 6px; background: var(--nl-good-bg); color: var(--nl-good-fg); font-weight: 600; }
.feedback.incorrect, .feedback.invalid { padding: 0.35em 0.6em; border-radius: 6px; background: var(--nl-bad-bg); color: var(--nl-bad-fg); }
.reveal-row { margin: 0.5em 0 0; }
.answer-text { font-family: ${MONO}; }

.goal { margin: 0.2em 0 0; font: 15px/1.45 system-ui, sans-serif; }
.goal code, .now code { font-family: ${MONO}; font-size: 0.95em; }
.now { margin: 0.2em 0 0; color: var(--nl-muted); font: 14.5px/1.45 system-ui, sans-serif; }

.error {
  margin: 0;
  padding: 0.5em 0.7em;
  border-radius: 6px;
  background: var(--nl-error-bg);
  color: var(--nl-error-fg);
  font: 14.5px/1.45 system-ui, sans-serif;
}
`;
