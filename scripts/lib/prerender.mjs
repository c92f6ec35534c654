// Build-time prerendering of NeuronLab elements: the initial numbers of every
// widget are computed by the core (in Node) and written into the static HTML,
// so a lesson reads correctly before or without JavaScript, in feed readers
// and in print.
//
// The contract, for each element <nl-NAME> found in a lesson:
//
//   The build looks for a DOM-free model module, first
//     web/src/widgets/NAME-model.js, then web/src/exercises/NAME-model.js,
//   and, when it exports a function
//     prerender(attributes, core) -> string
//   calls it with the element's attributes as written ({ name: value }, names
//   lower-case, values with HTML entities decoded) and the loaded core
//   (web/src/core/core.js). The string is HTML whose every piece of attribute
//   text has been escaped (web/src/prerender/html.js does it). A non-empty
//   string is placed inside the element, after the author's fallback content,
//   wrapped in <div class="nl-prerender" data-nl-prerender="nl-NAME">…</div>.
//   The widget's shadow root has no default slot for it, so once the element
//   runs, its live rendering replaces both. An empty string adds nothing.
//
//   prerender throws an Error with a message when the attributes are bad; the
//   build then fails, naming the lesson file, the line and the element.
//   Elements without a model (or a model without prerender) keep the author's
//   fallback content unchanged.
//
// Whatever the models say, the build also checks every nl-* element: its
// closing tag exists, its open tag sits on its own line (not inside a
// paragraph), ids are unique, and an element's for="…" names an id on the page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Directories searched, in order, for NAME-model.js. */
export const MODEL_DIRS = [join('web', 'src', 'widgets'), join('web', 'src', 'exercises')];

// An element's open tag: <nl-name attr="…" attr='…' attr=bare attr>.
const OPEN_TAG = /<(nl-[a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
// Markup a model must never produce: it would run, or restyle the page.
const FORBIDDEN = /<\s*(?:script|style|iframe|object|embed|link|meta|base)\b|\son[a-z]+\s*=|javascript:/i;

/** Decodes the character references an attribute value may hold. */
export function decodeEntities(text) {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, (whole, dec, hex, name) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** The attributes of an open tag's attribute text, as { name: value }; throws on repeats. */
export function parseAttributes(text) {
  const attributes = {};
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1].toLowerCase();
    if (Object.hasOwn(attributes, name)) throw new Error(`attribute ${name} is given twice`);
    attributes[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/** Every nl-* element of rendered HTML: { tag, attributes, start, openEnd, close } (offsets). */
export function findElements(html) {
  const found = [];
  const lower = html.toLowerCase();
  for (const m of html.matchAll(OPEN_TAG)) {
    const tag = m[1].toLowerCase();
    const openEnd = m.index + m[0].length;
    const closeTag = `</${tag}>`;
    const close = lower.indexOf(closeTag, openEnd);
    found.push({
      tag,
      raw: m[0],
      attributeText: m[2],
      selfClosing: m[3] === '/',
      start: m.index,
      openEnd,
      close,
    });
  }
  return found;
}

/**
 * Loads model modules on demand from the repository root, once each.
 * Returns (tag) => Promise<{ file, prerender } | null>.
 */
export function modelLoader(root) {
  const cache = new Map();
  return (tag) => {
    if (!cache.has(tag)) {
      cache.set(
        tag,
        (async () => {
          const name = tag.replace(/^nl-/, '');
          for (const dir of MODEL_DIRS) {
            const file = join(root, dir, `${name}-model.js`);
            if (!existsSync(file)) continue;
            const mod = await import(pathToFileURL(file).href);
            return {
              file: join(dir, `${name}-model.js`),
              prerender: typeof mod.prerender === 'function' ? mod.prerender : null,
            };
          }
          return null;
        })(),
      );
    }
    return cache.get(tag);
  };
}

/** The 1-based line of a lesson's source where an element's open tag appears
 *  (from `from` on, so repeated identical tags get their own lines), or null. */
function lineOf(source, raw, from) {
  const at = source.indexOf(raw, from);
  return at < 0 ? null : { at, line: source.slice(0, at).split('\n').length };
}

/**
 * Prerenders every nl-* element of one rendered lesson.
 * options: { file (for messages, e.g. "lessons/02-layer.md"), source (the
 * Markdown, for line numbers), core, loadModel (from modelLoader) }.
 * Returns { html, elements: [{ tag, id, prerendered }] }; throws an Error whose
 * message starts with "file:line: <tag>" for anything wrong.
 */
export async function prerenderPage(html, { file, source, core, loadModel }) {
  const elements = findElements(html);
  const ids = new Map();
  const problems = [];
  const inserts = [];
  const report = [];
  const searchFrom = new Map(); // open-tag text -> where to look for its next occurrence
  for (const el of elements) {
    const found = lineOf(source ?? '', el.raw, searchFrom.get(el.raw) ?? 0);
    if (found) searchFrom.set(el.raw, found.at + 1);
    el.line = found?.line ?? null;
  }
  const where = (el) => {
    const id = el.attributes?.id ? ` id="${el.attributes.id}"` : '';
    return `${file}${el.line ? `:${el.line}` : ''}: <${el.tag}${id}>`;
  };

  for (const el of elements) {
    try {
      el.attributes = parseAttributes(el.attributeText);
    } catch (err) {
      throw new Error(`${where(el)}: ${err.message}`, { cause: err });
    }
    if (el.selfClosing || el.close < 0) {
      throw new Error(`${where(el)}: no closing </${el.tag}> (custom elements are never self-closing)`);
    }
    if (/<p>\s*$/.test(html.slice(Math.max(0, el.start - 8), el.start))) {
      throw new Error(
        `${where(el)}: the open tag is inside a paragraph: put it on its own line, with a blank line before it`,
      );
    }
    const id = el.attributes.id;
    if (id !== undefined) {
      if (ids.has(id)) throw new Error(`${where(el)}: id "${id}" is used twice on this page`);
      ids.set(id, el);
    }
  }

  for (const el of elements) {
    const target = el.attributes.for;
    if (target !== undefined && !ids.has(target)) {
      throw new Error(
        `${where(el)}: for="${target}" names no element on this page (ids: ${[...ids.keys()].join(', ') || 'none'})`,
      );
    }
    const model = await loadModel(el.tag);
    if (!model?.prerender) {
      report.push({ tag: el.tag, id: el.attributes.id ?? null, prerendered: false });
      continue;
    }
    let out;
    try {
      out = model.prerender({ ...el.attributes }, core);
    } catch (err) {
      problems.push(`${where(el)}: ${err?.message ?? err}`);
      continue;
    }
    if (typeof out !== 'string') {
      throw new Error(`${where(el)}: ${model.file} prerender() returned ${typeof out}, not a string`);
    }
    if (FORBIDDEN.test(out)) {
      throw new Error(`${where(el)}: ${model.file} prerender() returned markup that could run or restyle the page`);
    }
    if (out !== '') {
      inserts.push({
        at: el.close,
        text: `<div class="nl-prerender" data-nl-prerender="${el.tag}">\n${out}\n</div>\n`,
      });
    }
    report.push({ tag: el.tag, id: el.attributes.id ?? null, prerendered: out !== '' });
  }
  if (problems.length) throw new Error(problems.join('\n'));

  let result = html;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at))
    result = result.slice(0, at) + text + result.slice(at);
  return { html: result, elements: report };
}
