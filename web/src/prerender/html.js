// Safe HTML strings for the widget models' prerender() functions (see
// scripts/lib/prerender.mjs for the contract). DOM-free, so it runs in the
// site build under Node as well as in a page.
//
//   html`<p>z = <span data-nl-value="z">${text}</span></p>`
//
// Every interpolated value is escaped, except what html`` itself returned (so
// fragments nest) and arrays of those (so lists map naturally).

/** HTML-escapes text for element content and quoted attribute values. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An HTML string that html`` inserts as it is. Only html`` makes these. */
class SafeHtml {
  #text;
  constructor(text) {
    this.#text = text;
  }
  toString() {
    return this.#text;
  }
}

function piece(value) {
  if (value instanceof SafeHtml) return String(value);
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** A tagged template: the literal parts are trusted markup, every value is escaped. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += piece(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}
