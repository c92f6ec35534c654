/**
 * MatrixEditor: an editable grid of numbers (a matrix, or a vector as one row)
 * for use inside a widget's shadow root. Its styles are MATRIX_CSS (add it to
 * the widget's `static styles`).
 *
 *   const weights = new MatrixEditor({
 *     name: 'weight',                      // cells are named "weight row 2, column 3"
 *     caption: 'Weights W, shape (3, 4), and biases b',
 *     rowLabels: (i) => `neuron ${i + 1}`, // or an array; default 1, 2, …
 *     colLabels: (j) => subscripted('x', j),
 *     extraColumns: [{ name: 'bias', label: 'b' }], // after a rule; "bias row 2"
 *     onChange: (rows, cell) => this.update(...), // null, or a message: refused
 *     onFocus: (cell) => ...,              // { row, col } or null, for highlights
 *     guard: (fn) => this.guard(fn),       // so no handler throws into the page
 *   });
 *   body.append(weights.element);
 *   weights.setValues(rows);   // number[][] including extra columns; rebuilds on a new shape
 *   weights.values;            // the last good values
 *   weights.highlight({ rows: [1], cols: [0, 2] });  // weights.highlight() clears
 *
 * Reading and editing: each cell is a text field with an accessible name. Arrow
 * Up/Down move between rows; Left/Right move between columns when the caret is
 * at the start/end of the text (a cell's text is selected when it gets focus);
 * Tab works as usual. A value is used as soon as it is a number (rows passed to
 * onChange); Enter confirms; Escape puts back the value the cell had when it got
 * focus. Text that is not a number marks the cell (aria-invalid, with the
 * message below the grid) and the last good values stay. Pasting a NumPy
 * literal or a block of numbers (rows by lines or semicolons) into any cell
 * fills the whole grid when the shape matches (with or without the extra
 * columns), or says why it does not.
 */
import { el } from './base.js';
import { MONO } from './common.css.js';
import { isIncompleteNumber, parseArrayText, parseNumber } from './parse.js';

let editors = 0; // numbers the note ids, unique within a shadow root

const labelOf = (labels, i, fallback) => (typeof labels === 'function' ? labels(i) : (labels?.[i] ?? fallback));

/** An editable grid of numbers; see the module comment for its use. */
export class MatrixEditor {
  #o;
  #values = [];
  #cells = []; // [row][col] -> { input, start, row, col }
  #table;
  #note;
  #invalid = new Set();

  constructor(options) {
    this.#o = {
      name: 'value',
      extraColumns: [],
      onChange: () => null,
      onFocus: () => {},
      guard: (fn) => fn(),
      ...options,
    };
    const id = `matrix-note-${++editors}`;
    this.element = el('div', { class: 'matrix' });
    const scroll = el('div', { class: 'matrix-scroll' });
    this.#table = el('table');
    this.#note = el('p', { class: 'field-note', id, role: 'status' });
    this.#note.hidden = true;
    scroll.append(this.#table);
    this.element.append(scroll, this.#note);
  }

  /** The last good values, rows of numbers including the extra columns. */
  get values() {
    return this.#values.map((row) => [...row]);
  }

  /**
   * Shows these values (rows of numbers, extra columns last), rebuilding the grid
   * when the shape changed; clears every mark. Called when the values come from
   * outside the grid, not after the reader's edits (which the grid already shows).
   */
  setValues(rows) {
    const shape = (v) => `${v.length}x${v[0]?.length ?? 0}`;
    if (shape(rows) !== shape(this.#values) || this.#cells.length === 0) this.#build(rows.length, rows[0]?.length ?? 0);
    this.#values = rows.map((row) => [...row]);
    this.#cells.forEach((row, i) => row.forEach((cell, j) => this.#show(cell, this.#values[i][j])));
    for (const cell of [...this.#invalid]) this.#clear(cell);
    this.#note.hidden = true;
  }

  /** Marks rows and columns (indices count the extra columns too); no argument clears. */
  highlight({ rows = [], cols = [] } = {}) {
    this.#cells.forEach((row, i) =>
      row.forEach((cell, j) => cell.input.parentElement.classList.toggle('hl', rows.includes(i) || cols.includes(j))),
    );
    this.#table
      .querySelectorAll('th[data-row]')
      .forEach((th) => th.classList.toggle('hl', rows.includes(Number(th.dataset.row))));
    this.#table
      .querySelectorAll('th[data-col]')
      .forEach((th) => th.classList.toggle('hl', cols.includes(Number(th.dataset.col))));
  }

  #build(rows, total) {
    const o = this.#o;
    const extras = o.extraColumns.length;
    const cols = total - extras;
    const table = this.#table;
    table.replaceChildren();
    this.#invalid.clear();
    if (o.caption) table.append(el('caption', {}, o.caption));
    const head = el('tr');
    head.append(el('td'));
    for (let j = 0; j < total; j++) {
      const text = j < cols ? labelOf(o.colLabels, j, String(j + 1)) : o.extraColumns[j - cols].label;
      head.append(el('th', { scope: 'col', 'data-col': j, class: j === cols ? 'extra' : '' }, text));
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    this.#cells = [];
    for (let i = 0; i < rows; i++) {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row', 'data-row': i }, labelOf(o.rowLabels, i, String(i + 1))));
      const row = [];
      for (let j = 0; j < total; j++) {
        const td = el('td', { class: j === cols ? 'extra' : '' });
        const input = el('input', {
          type: 'text',
          autocomplete: 'off',
          spellcheck: 'false',
          'aria-label': this.#cellName(i, j, rows, cols),
        });
        const cell = { input, row: i, col: j, start: '' };
        this.#wire(cell);
        td.append(input);
        tr.append(td);
        row.push(cell);
      }
      tbody.append(tr);
      this.#cells.push(row);
    }
    table.append(thead, tbody);
  }

  #cellName(i, j, rows, cols) {
    const o = this.#o;
    if (o.cellName) return o.cellName(i, j);
    if (j >= cols) {
      const extra = o.extraColumns[j - cols].name;
      return rows === 1 ? extra : `${extra} row ${i + 1}`;
    }
    return rows === 1 ? `${o.name} ${j + 1}` : `${o.name} row ${i + 1}, column ${j + 1}`;
  }

  #wire(cell) {
    const { input } = cell;
    const on = (type, handler) => input.addEventListener(type, (event) => this.#o.guard(() => handler(event)));
    on('focus', () => {
      cell.start = this.#values[cell.row][cell.col];
      input.select();
      this.#o.onFocus({ row: cell.row, col: cell.col });
    });
    on('blur', () => {
      if (isIncompleteNumber(input.value)) this.#mark(cell, this.#notNumber(input.value));
      this.#o.onFocus(null);
    });
    on('input', () => this.#edit(cell, false));
    on('keydown', (event) => this.#key(cell, event));
    on('paste', (event) => this.#paste(cell, event));
  }

  #notNumber(text) {
    const t = text.trim();
    return `${t === '' ? 'An empty cell' : `"${t.slice(0, 24)}"`} is not a number. The results show the last good values.`;
  }

  // The reader typed: use the value once it is a number; mark it when it cannot
  // become one (text on its way, such as "-" or "1e", waits for more).
  #edit(cell, final) {
    const text = cell.input.value;
    const value = parseNumber(text);
    if (value === null) {
      if (final || !isIncompleteNumber(text)) this.#mark(cell, this.#notNumber(text));
      return;
    }
    if (Object.is(value, this.#values[cell.row][cell.col]) && !this.#invalid.has(cell)) return;
    const next = this.values;
    next[cell.row][cell.col] = value;
    const problem = this.#o.onChange(next, { row: cell.row, col: cell.col });
    if (problem) {
      this.#mark(cell, problem);
      return;
    }
    this.#values = next;
    this.#clear(cell);
  }

  #key(cell, event) {
    const { input } = cell;
    const end = input.value.length;
    let move = null;
    if (event.key === 'ArrowUp') move = [-1, 0];
    else if (event.key === 'ArrowDown') move = [1, 0];
    else if (
      event.key === 'ArrowLeft' &&
      input.selectionStart === 0 &&
      (input.selectionEnd === 0 || input.selectionEnd === end)
    )
      move = [0, -1];
    else if (event.key === 'ArrowRight' && input.selectionEnd === end) move = [0, 1];
    else if (event.key === 'Enter') {
      event.preventDefault();
      this.#edit(cell, true);
      input.select();
      return;
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.#show(cell, cell.start);
      this.#edit(cell, true);
      this.#clear(cell);
      input.select();
      return;
    }
    if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = this.#cells[cell.row + move[0]]?.[cell.col + move[1]];
    if (!target) return;
    event.preventDefault();
    target.input.focus();
  }

  // A pasted matrix fills the grid; a single number is pasted as usual.
  #paste(cell, event) {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (parseNumber(text) !== null) return;
    event.preventDefault();
    const rows = this.#values.length;
    const total = this.#values[0].length;
    const cols = total - this.#o.extraColumns.length;
    let pasted;
    try {
      const { dims, value } = parseArrayText(text, 'pasted text', { kind: 'text', newlineRows: true });
      pasted = dims === 2 ? value : [dims === 1 ? value : [value]];
      // A flat list fits a single column too.
      if (dims === 1 && rows > 1 && value.length === rows) pasted = value.map((v) => [v]);
    } catch (err) {
      this.#say(err.message);
      return;
    }
    const shape = `${pasted.length}×${pasted[0].length}`;
    const fitsAll = pasted.length === rows && pasted[0].length === total;
    const fitsMain = pasted.length === rows && pasted[0].length === cols;
    if (!fitsAll && !fitsMain) {
      const names = this.#o.extraColumns.map((c) => c.name).join(' and ');
      const also = total > cols ? ` (${rows}×${cols}, or ${rows}×${total} with the ${names})` : ` (${rows}×${cols})`;
      this.#say(`The pasted numbers are ${shape}, but this grid is${also}. Nothing was changed.`);
      return;
    }
    const next = this.values;
    pasted.forEach((row, i) => row.forEach((v, j) => (next[i][j] = v)));
    const problem = this.#o.onChange(next, null);
    if (problem) {
      this.#say(`${problem} Nothing was changed.`);
      return;
    }
    this.setValues(next);
    cell.start = next[cell.row][cell.col];
    cell.input.select();
  }

  #show(cell, value) {
    cell.input.value = Object.is(value, -0) ? '-0' : String(value);
  }

  #mark(cell, message) {
    cell.input.setAttribute('aria-invalid', 'true');
    cell.input.setAttribute('aria-describedby', this.#note.id);
    this.#invalid.add(cell);
    this.#say(message);
  }

  #clear(cell) {
    cell.input.removeAttribute('aria-invalid');
    cell.input.removeAttribute('aria-describedby');
    this.#invalid.delete(cell);
    if (this.#invalid.size === 0) this.#note.hidden = true;
  }

  #say(message) {
    this.#note.textContent = message;
    this.#note.hidden = false;
  }
}

/** Styles of MatrixEditor, for the `static styles` of a widget that uses one. */
export const MATRIX_CSS = `
.matrix { min-width: 0; }
.matrix-scroll { overflow-x: auto; max-width: 100%; }
.matrix table { border-collapse: separate; border-spacing: 3px; margin: 0; }
.matrix caption { text-align: left; padding: 0 3px 4px; font-size: 13px; font-weight: 600; color: var(--nl-muted); }
.matrix th { padding: 0 4px; border-radius: 4px; font: 500 12.5px/1.3 ${MONO}; color: var(--nl-muted); text-align: center; white-space: nowrap; }
.matrix th[scope="row"] { text-align: right; }
.matrix td { padding: 0; border-radius: 6px; }
.matrix .extra { padding-left: 8px; border-left: 2px solid var(--nl-border); border-radius: 0; }
.matrix input {
  width: 5.6em;
  min-height: 32px;
  padding: 3px 6px;
  border: 1px solid var(--nl-border);
  border-radius: 6px;
  background: var(--nl-bg);
  color: var(--nl-fg);
  font: 14px ${MONO};
  text-align: right;
}
.matrix .hl input { background: var(--nl-highlight); border-color: var(--nl-fg); }
.matrix th.hl { background: var(--nl-highlight); color: var(--nl-fg); }
.matrix input[aria-invalid="true"] { border: 2px solid var(--nl-error-fg); background: var(--nl-error-bg); }
.matrix .field-note { margin: 4px 0 0; }
`;
