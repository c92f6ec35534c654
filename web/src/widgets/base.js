/**
 * NlWidget: the base class of every NeuronLab widget element. It owns what all
 * widgets share: the open shadow root and its styles (theme, palette, focus,
 * reduced motion); the lazy start (nothing happens until the element comes
 * near the viewport; then it awaits the page's one core behind a loading note,
 * and shows a load failure inside itself); the error display and the result
 * properties; an ARIA live region; and the toolbar: Reset, and a Share menu
 * with Copy link, Copy embed code, Copy as NumPy, Copy as JSON, Download SVG,
 * Download PNG.
 *
 * For pages (the embed contract in DESIGN.md):
 *   z, output, layers  read-only results, float64 (null before the start and on error)
 *   error              null, or the message the widget shows
 *   nl-change          event (bubbles, composed) after any of those changed
 *   id                 names the widget's state in the URL hash ("#n1.bias=0.2&…")
 *   theme              light | dark | auto (default auto: prefers-color-scheme)
 *   CSS parts          base (data-phase: idle, loading, ready, error), toolbar, error, body
 *   children           the element's own content shows until the widget has started
 * Changing an observed attribute shows the attributes' values again (as Reset does).
 *
 * A subclass (one file = one element) defines:
 *   static observedAttributes  the attributes it reads (not id or theme)
 *   static styles              its CSS text (or an array of them), after the common sheet
 *   static noun                'neuron': "This neuron cannot be shown."
 *   parse(attrs, core)         attrs: { name: text or null } of every observed
 *                              attribute. Returns the state (a plain object) or
 *                              throws Error(message for the reader). No DOM.
 *   compute(state, core)       returns a view; all arithmetic is the core's. Throws
 *                              Error(message) when the core refuses. No DOM. The
 *                              view's z, output and layers become the properties.
 *   build(body)                once, at the start: creates the DOM inside body.
 *   sync(state)                puts the state's values into the controls. Called when
 *                              the state comes from outside them (attributes, Reset,
 *                              a link), never after the reader's own edit.
 *   render(view, state)        shows a view; DOM only, must not throw; may announce().
 *   stateAttributes(state)     { name: text } that parse() reads back to this state
 *                              (for Copy link and Copy embed code).
 *   numpy(state, view)         a Python/NumPy program that reproduces the numbers.
 *   json(state, view)          what Copy as JSON writes (default: state and results).
 *   diagramSvg()               the <svg> to download, or null (hides the downloads);
 *                              images inside it must be data: URLs.
 * and calls:
 *   this.update(next)          after the reader changed something: computes, renders,
 *                              publishes, returns null; or, when compute throws,
 *                              changes nothing and returns the message to show.
 *   this.listen(node, type, f) addEventListener whose handler never throws out.
 *   this.guard(fn)             runs fn; what it throws becomes the error display.
 *   this.announce(text)        polite live-region message, once the reader pauses.
 *   this.setResult(results)    { z, output, layers, error }: the one place results
 *                              change; fires nl-change. update() calls it.
 *   this.core, this.state      the core, and the state on screen (after the start).
 *   el(tag, attrs, text)       builds DOM (exported); text only ever as textContent.
 * Helpers: parse.js (attribute or NumPy text to numbers, and back), share.js
 * (pyArray, pyFloat, pyActivation for numpy()), matrix-editor.js (editable grids),
 * common.css.js (palette variables, .edge.pos/.edge.neg, .key, .legend).
 */
import { loadCore } from '../core/core.js';
import { COMMON_CSS } from './common.css.js';
import { download, fileName, pngBlob, svgDocument } from './export.js';
import { embedSnippet, jsonText, readHashState, writeHashState } from './share.js';

/**
 * The URL of the script that defined the widgets. esbuild bundles every module
 * into dist/embed.js, where import.meta.url is the embed script's own URL: what
 * "Copy embed code" must write so the snippet works wherever the site is hosted.
 */
export const EMBED_SRC = import.meta.url;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an element ("svg:line" for SVG) with attributes and optional text, set as textContent. */
export function el(tag, attrs = {}, text) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// 24x24 stroke icons for the toolbar.
const ICONS = {
  reset: ['M3 12a9 9 0 1 0 2.6-6.4', 'M3 4v5h5'],
  share: ['M4 13v6a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-6', 'M12 3v12', 'M7.5 7.5 12 3l4.5 4.5'],
  down: ['M6 9l6 6 6-6'],
  link: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
  code: ['M8 7l-5 5 5 5', 'M16 7l5 5-5 5'],
  copy: ['M9 9h11v11H9z', 'M5 15H4V4h11v1'],
  file: ['M12 4v11', 'M7 10l5 5 5-5', 'M5 20h14'],
};

function icon(name) {
  const svg = el('svg:svg', { viewBox: '0 0 24 24', class: 'icon', 'aria-hidden': 'true', focusable: 'false' });
  for (const d of ICONS[name]) svg.append(el('svg:path', { d }));
  return svg;
}

// One constructed sheet per CSS text, shared by every instance of every widget
// (and, unlike a <style> element, not subject to a host page's style-src CSP).
const sheets = new Map();
function adoptStyles(root, cssTexts) {
  if (!('adoptedStyleSheets' in root) || typeof CSSStyleSheet.prototype.replaceSync !== 'function') {
    for (const css of cssTexts) root.append(el('style', {}, css));
    return;
  }
  root.adoptedStyleSheets = cssTexts.map((css) => {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    return sheet;
  });
}

/** The base class of every widget element; the contract is in this file's header comment. */
export class NlWidget extends HTMLElement {
  static observedAttributes = [];
  static styles = '';
  static noun = 'widget';

  // One observer for every widget on the page. The margin of one screen height
  // starts a widget before it scrolls into view, so the reader never waits.
  static #observer = null;

  #phase = 'idle'; // idle -> loading -> ready | error
  #core = null;
  #state = null;
  #view = null;
  #result = { z: null, output: null, layers: null, error: null };
  #ui;
  #pending = false;
  #quiet = false; // no announcements while the state comes from outside
  #announceTimer = 0;
  #statusTimer = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const own = this.constructor.styles;
    adoptStyles(root, [COMMON_CSS, ...(Array.isArray(own) ? own : [own]).filter(Boolean)]);
    this.#frame(root);
  }

  /** The result before the activation (float64), or null. */
  get z() {
    return this.#result.z;
  }

  /** The result after the activation (float64), or null. */
  get output() {
    return this.#result.output;
  }

  /** Every layer's { z, a } for networks; null for other widgets. */
  get layers() {
    return this.#result.layers;
  }

  /** null, or the message the widget shows. */
  get error() {
    return this.#result.error;
  }

  /** Protected: the core, once the widget has started (else null). */
  get core() {
    return this.#core;
  }

  /** Protected: the state on screen (else null). */
  get state() {
    return this.#state;
  }

  connectedCallback() {
    window.addEventListener('hashchange', this.#onHashChange);
    if (this.#phase !== 'idle') return;
    if (typeof IntersectionObserver !== 'function') {
      this.#start();
      return;
    }
    NlWidget.#observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          NlWidget.#observer.unobserve(entry.target);
          entry.target.#start();
        }
      },
      { rootMargin: '100% 0px' },
    );
    NlWidget.#observer.observe(this);
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.#onHashChange);
    if (this.#phase === 'idle') NlWidget.#observer?.unobserve(this);
    clearTimeout(this.#announceTimer);
    this.#closeMenu(false);
  }

  attributeChangedCallback() {
    // Several attributes often change together (at upgrade, or from a script):
    // read them once, after the current task's changes.
    if (this.#pending || !this.#core) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.guard(() => this.#load(null));
    });
  }

  // Hooks a subclass overrides (see the header comment).
  parse() {
    throw new Error(`${this.localName} does not define parse()`);
  }
  compute() {
    return {};
  }
  build() {}
  sync() {}
  render() {}
  stateAttributes() {
    return {};
  }
  numpy() {
    return null;
  }
  json(state) {
    const { z, output, layers } = this.#result;
    return layers ? { ...state, z, output, layers } : { ...state, z, output };
  }
  diagramSvg() {
    return null;
  }

  /** Protected: the reader changed the state. Returns null, or the core's message (nothing changed). */
  update(next) {
    if (!this.#core) return 'The widget has not started yet.';
    let view;
    try {
      view = this.compute(next, this.#core);
    } catch (err) {
      return String(err?.message ?? err);
    }
    this.#apply(next, view, false);
    return null;
  }

  /** Protected: runs fn; anything it throws (or rejects with) becomes the widget's error display. */
  guard(fn) {
    const report = (err) => this.#showError(`Something went wrong: ${err?.message ?? err}`);
    try {
      const result = fn();
      if (typeof result?.then === 'function') result.catch(report);
    } catch (err) {
      report(err);
    }
  }

  /** Protected: addEventListener with a handler that can never throw into the page. */
  listen(node, type, handler) {
    node.addEventListener(type, (event) => this.guard(() => handler(event)));
  }

  /** Protected: a polite live-region message, sent once the reader pauses (not at every slider step). */
  announce(text) {
    if (this.#quiet) return;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.#ui.live.textContent = text;
    }, 250);
  }

  /** Protected: the one place results change; fires nl-change when any of them did. */
  setResult({ z = null, output = null, layers = null, error = null } = {}) {
    const r = this.#result;
    if (Object.is(r.z, z) && Object.is(r.output, output) && r.layers === layers && r.error === error) return;
    this.#result = { z, output, layers, error };
    this.dispatchEvent(new CustomEvent('nl-change', { bubbles: true, composed: true }));
  }

  #start() {
    if (this.#phase !== 'idle') return;
    this.#setPhase('loading');
    loadCore().then(
      (core) =>
        this.guard(() => {
          this.build(this.#ui.body);
          this.#core = core;
          this.#load(readHashState(location.hash, this.id, this.constructor.observedAttributes));
        }),
      (err) => this.#showError(String(err?.message ?? err)),
    );
  }

  // Shows the state the attributes describe, or, at the start, the one a link
  // saved in the URL hash (falling back to the attributes if it is bad).
  #load(fromLink) {
    const attrs = {};
    for (const name of this.constructor.observedAttributes) attrs[name] = this.getAttribute(name);
    let loaded = fromLink ? this.#prepare({ ...attrs, ...fromLink }) : null;
    if (typeof loaded === 'string') {
      this.#say(`The link's values could not be used (${loaded}); these are the page's own.`, 'bad');
      loaded = null;
    }
    loaded ??= this.#prepare(attrs);
    if (typeof loaded === 'string') {
      this.#showError(loaded);
      return;
    }
    this.#quiet = true;
    try {
      this.#apply(loaded.state, loaded.view, true);
    } finally {
      this.#quiet = false;
    }
  }

  // { state, view } from attribute text, or the message saying why not.
  #prepare(attrs) {
    try {
      const state = this.parse(attrs, this.#core);
      return { state, view: this.compute(state, this.#core) };
    } catch (err) {
      return String(err?.message ?? err);
    }
  }

  #apply(state, view, fromOutside) {
    this.#state = state;
    this.#view = view;
    this.#setPhase('ready');
    if (fromOutside) this.sync(state);
    this.render(view, state);
    this.setResult({ z: view.z ?? null, output: view.output ?? null, layers: view.layers ?? null });
  }

  #showError(message) {
    this.#ui.error.textContent = message;
    this.#setPhase('error');
    this.#closeMenu(false);
    this.setResult({ error: message });
  }

  #setPhase(phase) {
    const ui = this.#ui;
    this.#phase = phase;
    ui.base.dataset.phase = phase;
    ui.bar.hidden = ui.body.hidden = phase !== 'ready';
    ui.loading.hidden = phase !== 'loading';
    ui.fallback.hidden = phase !== 'idle' && phase !== 'loading';
    ui.error.hidden = phase !== 'error';
    if (phase !== 'ready') ui.manual.hidden = true;
  }

  // The parts every widget has; the subclass builds inside `body` at the start.
  #frame(root) {
    const noun = this.constructor.noun;
    const base = el('div', { class: 'nl', part: 'base', role: 'group', 'aria-label': `Interactive ${noun}` });
    const bar = el('div', { class: 'bar', part: 'toolbar' });
    const status = el('p', { class: 'status', role: 'status' });
    const reset = el('button', { type: 'button', class: 'tool', title: "Back to the page's original values" });
    reset.append(icon('reset'), el('span', {}, 'Reset'));
    this.listen(reset, 'click', () => this.#reset());
    const share = this.#shareMenu();
    bar.append(status, reset, share.wrap);

    const manual = el('div', { class: 'manual' });
    const text = el('textarea', { readonly: '', 'aria-label': 'Text to copy', spellcheck: 'false' });
    const close = el('button', { type: 'button', class: 'tool' }, 'Close');
    this.listen(close, 'click', () => {
      manual.hidden = true;
    });
    manual.append(text, close);

    const loading = el('p', { class: 'loading' }, 'Loading the computing core…');
    const fallback = el('div', { class: 'fallback' });
    fallback.append(el('slot'));
    const error = el('p', {
      class: 'error',
      part: 'error',
      role: 'alert',
      'data-title': `This ${noun} cannot be shown.`,
    });
    const body = el('div', { class: 'body', part: 'body' });
    const live = el('p', { class: 'sr-only', 'aria-live': 'polite' });
    base.append(bar, manual, loading, fallback, error, body, live);
    root.append(base);
    this.#ui = { base, bar, status, manual, manualText: text, loading, fallback, error, body, live, ...share };
    this.#setPhase('idle');
  }

  // A disclosure button and its panel of actions: Arrow keys, Home and End move
  // between them, Escape closes, and so does a click or Tab elsewhere.
  #shareMenu() {
    const wrap = el('div', { class: 'share' });
    const button = el('button', {
      type: 'button',
      class: 'tool',
      'aria-expanded': 'false',
      'aria-controls': 'share-menu',
    });
    button.append(icon('share'), el('span', {}, 'Share'), icon('down'));
    const menu = el('div', { class: 'menu', id: 'share-menu', role: 'group', 'aria-label': 'Share and export' });
    menu.hidden = true;
    const item = (name, label, action) => {
      const b = el('button', { type: 'button' });
      b.append(icon(name), el('span', {}, label));
      this.listen(b, 'click', () => {
        if (b.getAttribute('aria-disabled') === 'true') return this.#say(b.title, 'bad');
        this.#closeMenu(true);
        return this.#act(action);
      });
      menu.append(b);
      return b;
    };
    const items = {
      link: item('link', 'Copy link', () => this.#copyLink()),
      embed: item('code', 'Copy embed code', () => this.#copyEmbed()),
    };
    menu.append(el('hr'));
    items.numpy = item('copy', 'Copy as NumPy', () => this.#copy(this.numpy(this.#state, this.#view), 'NumPy code'));
    items.json = item('copy', 'Copy as JSON', () => this.#copy(jsonText(this.json(this.#state, this.#view)), 'JSON'));
    const rule = el('hr');
    menu.append(rule);
    items.svg = item('file', 'Download SVG', () => this.#downloadDiagram('svg'));
    items.png = item('file', 'Download PNG', () => this.#downloadDiagram('png'));
    wrap.append(button, menu);
    this.listen(button, 'click', () => (menu.hidden ? this.#openMenu() : this.#closeMenu(true)));
    this.listen(menu, 'keydown', (event) => this.#menuKey(event));
    this.listen(wrap, 'focusout', (event) => {
      // A click that moves focus nowhere (Safari's buttons) is handled by the pointerdown listener.
      if (event.relatedTarget && !wrap.contains(event.relatedTarget)) this.#closeMenu(false);
    });
    return { wrap, button, menu, items, rule };
  }

  // A link to this page opened in the same tab changes only the hash: show its
  // state for this widget, if it has one (an anchor link leaves widgets alone).
  #onHashChange = () =>
    this.guard(() => {
      const saved = this.#core && readHashState(location.hash, this.id, this.constructor.observedAttributes);
      if (saved) this.#load(saved);
    });

  #outside = (event) => {
    if (!event.composedPath().includes(this.#ui.wrap)) this.#closeMenu(false);
  };

  #openMenu() {
    const { menu, button, items, rule } = this.#ui;
    const noLink = !this.id;
    items.link.setAttribute('aria-disabled', String(noLink));
    if (noLink) items.link.title = 'This widget has no id attribute, so a link cannot name its state.';
    else items.link.removeAttribute('title');
    items.numpy.hidden = this.numpy === NlWidget.prototype.numpy;
    items.svg.hidden = items.png.hidden = rule.hidden = !this.diagramSvg();
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', this.#outside, true);
    this.#menuButtons()[0]?.focus();
  }

  #closeMenu(focusButton) {
    const { menu, button } = this.#ui;
    document.removeEventListener('pointerdown', this.#outside, true);
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  }

  #menuButtons() {
    return [...this.#ui.menu.querySelectorAll('button')].filter((b) => !b.hidden);
  }

  #menuKey(event) {
    const buttons = this.#menuButtons();
    const at = buttons.indexOf(this.shadowRoot.activeElement);
    const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#closeMenu(true);
    } else if (go !== undefined) {
      event.preventDefault();
      buttons[(go + buttons.length) % buttons.length].focus();
    }
  }

  // Runs a toolbar action; its failure is reported in the status line, not as
  // the widget's error (the widget itself is fine).
  async #act(action) {
    try {
      await action();
    } catch (err) {
      this.#say(`That did not work: ${err?.message ?? err}`, 'bad');
    }
  }

  #reset() {
    if (this.id && readHashState(location.hash, this.id, this.constructor.observedAttributes)) {
      this.#setHash(writeHashState(location.hash, this.id, null));
    }
    this.#load(null);
    this.#say("Back to the page's original values", 'ok');
  }

  #setHash(hash) {
    history.replaceState(history.state, '', hash || `${location.pathname}${location.search}`);
  }

  async #copyLink() {
    this.#setHash(writeHashState(location.hash, this.id, this.stateAttributes(this.#state)));
    await this.#copy(location.href, 'Link');
  }

  async #copyEmbed() {
    const attrs = { ...this.stateAttributes(this.#state) };
    const theme = this.getAttribute('theme');
    if (theme) attrs.theme = theme;
    await this.#copy(embedSnippet(EMBED_SRC, this.localName, attrs), 'Embed code');
  }

  // Copies text, says so; where the clipboard is not available, shows the text
  // selected in a box for the reader to copy by hand.
  async #copy(text, what) {
    const ui = this.#ui;
    ui.manual.hidden = true;
    try {
      await navigator.clipboard.writeText(text);
      this.#say(`${what} copied`, 'ok');
    } catch {
      this.#say(`${what}: the browser did not allow copying here. Select the text below and copy it.`, 'bad');
      ui.manualText.value = text;
      ui.manual.hidden = false;
      ui.manualText.focus();
      ui.manualText.select();
    }
  }

  async #downloadDiagram(kind) {
    const svg = this.diagramSvg();
    if (!svg) return;
    const doc = svgDocument(svg, getComputedStyle(this.#ui.base).backgroundColor);
    const blob = kind === 'svg' ? new Blob([doc.text], { type: 'image/svg+xml' }) : await pngBlob(doc);
    download(this.shadowRoot, blob, fileName(this.id || this.localName, kind));
    this.#say(`${kind.toUpperCase()} downloaded`, 'ok');
  }

  // The toolbar's status line (a polite live region): a short note that fades.
  #say(text, kind) {
    const { status } = this.#ui;
    status.textContent = text;
    status.className = `status ${kind}`;
    clearTimeout(this.#statusTimer);
    this.#statusTimer = setTimeout(
      () => {
        status.textContent = '';
      },
      kind === 'bad' ? 12000 : 4000,
    );
  }
}
