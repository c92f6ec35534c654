// The Markdown renderer for lessons: markdown-it with raw HTML allowed (so widget
// elements pass through), formulas typeset by KaTeX at build time ($…$ inline,
// $$…$$ on their own lines), Python highlighted at build time, ids on headings,
// and the h2 headings collected for a table of contents (env.toc).
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { escapeHtml, highlightPython } from './highlight.mjs';

const DOLLAR = 0x24;

// Inline $…$: the opening $ is not followed by a space, the closing one not
// preceded by one nor followed by a digit, so "costs $5 or $6" stays text.
function mathInline(state, silent) {
  const src = state.src;
  const start = state.pos + 1;
  if (src.charCodeAt(state.pos) !== DOLLAR || start >= state.posMax) return false;
  if (/\s/.test(src[start]) || src.charCodeAt(start) === DOLLAR) return false;
  let end = start;
  for (;;) {
    end = src.indexOf('$', end);
    if (end === -1 || end >= state.posMax) return false;
    if (src[end - 1] !== '\\') break;
    end += 1;
  }
  if (/\s/.test(src[end - 1]) || /\d/.test(src[end + 1] ?? '')) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.markup = '$';
    token.content = src.slice(start, end);
  }
  state.pos = end + 1;
  return true;
}

// Display $$…$$: starts a line with $$ and runs to a line ending in $$.
function mathBlock(state, startLine, endLine, silent) {
  const src = state.src;
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (src.slice(pos, pos + 2) !== '$$') return false;
  if (silent) return true;
  let first = src.slice(pos + 2, max).trim();
  let last = '';
  let line = startLine;
  let closed = false;
  if (first.endsWith('$$')) {
    first = first.slice(0, -2);
    closed = true;
  }
  while (!closed) {
    line += 1;
    if (line >= endLine) break;
    pos = state.bMarks[line] + state.tShift[line];
    max = state.eMarks[line];
    const text = src.slice(pos, max).trim();
    if (text.endsWith('$$')) {
      last = text.slice(0, -2);
      closed = true;
    }
  }
  if (!closed) throw new Error(`a $$ formula starting on line ${startLine + 1} is never closed`);
  const middle = line > startLine + 1 ? state.getLines(startLine + 1, line, state.tShift[startLine], false) : '';
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.markup = '$$';
  token.content = [first, middle, last].filter((s) => s.trim() !== '').join('\n');
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

function renderMath(tex, displayMode) {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
  } catch (err) {
    throw new Error(`KaTeX cannot typeset "${tex}": ${err.message}`, { cause: err });
  }
}

// Moves punctuation that directly follows inline math (",", ".", ")" …) into
// the math token, so the two render inside one nowrap span and a line never
// starts with the comma after a formula.
function gluePunctuation(state) {
  for (const block of state.tokens) {
    const children = block.type === 'inline' ? block.children : null;
    children?.forEach((token, i) => {
      const next = children[i + 1];
      if (token.type !== 'math_inline' || next?.type !== 'text') return;
      const m = /^[.,;:!?)\]]+/.exec(next.content);
      if (!m) return;
      token.meta = { after: m[0] };
      next.content = next.content.slice(m[0].length);
    });
  }
}

/** A URL-friendly id from heading text: "Why the bias?" -> "why-the-bias". */
function slug(text) {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}

// Gives every h2/h3 an id (unique within the page) so sections can be linked.
function headingIds(state) {
  const seen = new Map();
  state.tokens.forEach((token, i) => {
    if (token.type !== 'heading_open' || token.attrGet('id')) return;
    const base = slug(state.tokens[i + 1].content);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    token.attrSet('id', n === 1 ? base : `${base}-${n}`);
  });
}

/** A configured markdown-it instance for lesson pages. */
export function createMarkdown() {
  const md = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: false,
    highlight: (code, lang) => (lang === 'python' || lang === 'py' ? highlightPython(code) : escapeHtml(code)),
  });
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.block.ruler.after('blockquote', 'math_block', mathBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.renderer.rules.math_inline = (tokens, i) =>
    `<span class="math-inline">${renderMath(tokens[i].content, false)}${escapeHtml(tokens[i].meta?.after ?? '')}</span>`;
  md.renderer.rules.math_block = (tokens, i) =>
    `<div class="math-display" tabindex="0">${renderMath(tokens[i].content, true)}</div>\n`;
  // What may scroll sideways (code, a wide formula or table on a phone) must be
  // reachable by keyboard to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable),
  // so every <pre>, display formula and table takes the focus.
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (...args) => fence(...args).replace(/^<pre>/, '<pre tabindex="0">');
  md.renderer.rules.table_open = (tokens, i, options, env, self) => {
    tokens[i].attrSet('tabindex', '0');
    return self.renderToken(tokens, i, options);
  };
  md.core.ruler.push('heading_ids', headingIds);
  md.core.ruler.push('glue_punctuation', gluePunctuation);
  // After the rules above, so entries carry final ids and typeset math.
  md.core.ruler.push('toc', (state) => {
    state.env.toc = state.tokens.flatMap((token, i) =>
      token.type === 'heading_open' && token.tag === 'h2'
        ? [
            {
              id: token.attrGet('id'),
              html: md.renderer.renderInline(state.tokens[i + 1].children, md.options, state.env),
            },
          ]
        : [],
    );
  });
  return md;
}
