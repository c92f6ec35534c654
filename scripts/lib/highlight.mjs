// A small build-time syntax highlighter for the Python in lessons: comments,
// strings, numbers, keywords and a few builtins, as <span class="tok-…">.
// The lessons' programs are short NumPy scripts; this is all they need.

const KEYWORDS = new Set(
  (
    'and as assert break class continue def del elif else except False finally for from global if ' +
    'import in is lambda None nonlocal not or pass raise return True try while with yield'
  ).split(' '),
);
const BUILTINS = new Set('abs enumerate float int len list max min print range round str sum zip'.split(' '));

// Alternatives in order; the first that matches at a position wins.
const TOKEN = new RegExp(
  [
    /(?<comment>#[^\n]*)/,
    /(?<string>[rRbBfF]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))/,
    /(?<number>\b(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\b)/,
    /(?<word>[A-Za-z_]\w*)/,
  ]
    .map((r) => r.source)
    .join('|'),
  'g',
);

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Python source as HTML with highlight spans; everything escaped. */
export function highlightPython(code) {
  let html = '';
  let last = 0;
  for (const m of code.matchAll(TOKEN)) {
    const { comment, string, number, word } = m.groups;
    let cls = null;
    if (comment) cls = 'comment';
    else if (string) cls = 'string';
    else if (number) cls = 'number';
    else if (KEYWORDS.has(word)) cls = 'keyword';
    else if (BUILTINS.has(word)) cls = 'builtin';
    if (!cls) continue;
    html += escapeHtml(code.slice(last, m.index));
    html += `<span class="tok-${cls}">${escapeHtml(m[0])}</span>`;
    last = m.index + m[0].length;
  }
  return html + escapeHtml(code.slice(last));
}
