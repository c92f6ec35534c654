#!/usr/bin/env node
// Builds the static site in dist/:
//   lessons/NN-slug.md        -> dist/NN-slug.html (one shell, a table of contents
//                                from the h2 headings, previous/next links)
//   web/src/site/index.md     -> dist/index.html, listing every lesson found
//   web/src/site/site.css, favicon.svg -> dist/
//   KaTeX's CSS + woff2 fonts -> dist/katex/
//   web/src/embed.js          -> dist/embed.js (esbuild bundle: ESM, minified, es2020)
//   build/wasm/nl_core.{mjs,wasm} -> dist/ (made by `npm run build`)
// Formulas are typeset here, at build time, so pages read well before any script runs,
// and every widget's initial numbers are computed by the core in Node and written
// into the page (scripts/lib/prerender.mjs has the contract widget models follow).
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { escapeHtml } from './lib/highlight.mjs';
import { createMarkdown } from './lib/markdown.mjs';
import { modelLoader, prerenderPage } from './lib/prerender.mjs';
import { loadCore } from '../web/src/core/core.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIST = join(ROOT, 'dist');
const DEFAULT_LESSONS = join(ROOT, 'lessons');
const SITE = join(ROOT, 'web', 'src', 'site');
const WASM_FILES = ['nl_core.mjs', 'nl_core.wasm'];
const LESSON_FILE = /^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

class BuildError extends Error {}

/** Splits "---\nkey: value\n---\nbody" into { meta, body }; requires the given keys. */
function frontMatter(text, file, required) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new BuildError(`${file}: missing front matter (--- title: … summary: … ---)`);
  const meta = {};
  for (const line of m[1].split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (!kv) throw new BuildError(`${file}: front matter line is not "key: value": ${line}`);
    meta[kv[1]] = kv[2].trim();
  }
  for (const key of required) {
    if (!meta[key]) throw new BuildError(`${file}: front matter needs "${key}"`);
  }
  return { meta, body: text.slice(m[0].length) };
}

// A lesson's widgets and exercises compute with the core, which embed.js would
// only request once it runs and a widget starts (embed.js -> nl_core.mjs ->
// nl_core.wasm, one after another). These hints fetch all three at once, so the
// first widget is ready sooner (bench/site.mjs: "first widget interactive").
// The wasm hint's crossorigin matches the core's fetch (same-origin credentials).
const CORE_PRELOAD =
  '<link rel="modulepreload" href="nl_core.mjs">\n' +
  '<link rel="preload" href="nl_core.wasm" as="fetch" type="application/wasm" crossorigin>\n';

/** Fills {{name}} slots of the shell; every slot must be given (values are HTML). */
function fillShell(shell, values) {
  return shell.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in values)) throw new BuildError(`shell.html: no value for {{${name}}}`);
    return values[name];
  });
}

/** The lessons in order, read from the lessons directory. */
async function readLessons(dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const lessons = [];
  for (const file of files) {
    const m = LESSON_FILE.exec(file);
    if (!m) throw new BuildError(`lessons/${file}: lesson files are named NN-slug.md (e.g. 01-neuron.md)`);
    const source = await readFile(join(dir, file), 'utf8');
    const { meta, body } = frontMatter(source, `lessons/${file}`, ['title', 'summary']);
    lessons.push({ file, number: Number(m[1]), href: file.replace(/\.md$/, '.html'), ...meta, body, source });
  }
  if (lessons.length === 0) throw new BuildError('lessons/ holds no NN-slug.md files');
  return lessons;
}

/** Links to the previous lesson (or the index) and the next one; on the index, to the first. */
function pager(lessons, i) {
  const link = (href, rel, label, title) =>
    `<a class="pager-${rel}" href="${href}"><span class="pager-label">${label}</span> ${title}</a>`;
  const lesson = (l, rel, label) => link(l.href, rel, label, escapeHtml(l.title));
  if (i < 0) return lesson(lessons[0], 'next', 'Start here →');
  const prev = i > 0 ? lesson(lessons[i - 1], 'prev', '← Previous') : link('index.html', 'prev', '←', 'All lessons');
  return i + 1 < lessons.length ? `${prev}\n${lesson(lessons[i + 1], 'next', 'Next →')}` : prev;
}

/** The table of contents of a lesson: a link to each h2 heading. */
function tableOfContents(toc) {
  if (toc.length === 0) return '';
  const items = toc.map((h) => `<li><a href="#${escapeHtml(h.id)}">${h.html}</a></li>`).join('\n');
  return `<nav class="toc" aria-labelledby="toc-title">\n<p class="toc-title" id="toc-title">On this page</p>\n<ol>\n${items}\n</ol>\n</nav>\n`;
}

async function copyKatex(out) {
  const require = createRequire(import.meta.url);
  const katexDist = dirname(require.resolve('katex/dist/katex.min.css'));
  // Keep only the woff2 source of each font: every browser that runs the widgets reads woff2.
  const css = (await readFile(join(katexDist, 'katex.min.css'), 'utf8')).replace(
    /,url\(fonts\/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g,
    '',
  );
  if (/\.(?:woff|ttf)\)/.test(css))
    throw new BuildError('katex.min.css: unexpected font list (KaTeX version changed?)');
  await mkdir(join(out, 'fonts'), { recursive: true });
  await writeFile(join(out, 'katex.min.css'), css);
  const fonts = (await readdir(join(katexDist, 'fonts'))).filter((f) => f.endsWith('.woff2'));
  await Promise.all(fonts.map((f) => copyFile(join(katexDist, 'fonts', f), join(out, 'fonts', f))));
}

async function checkWasm() {
  const missing = [];
  for (const f of WASM_FILES) {
    try {
      await stat(join(ROOT, 'build', 'wasm', f));
    } catch {
      missing.push(`build/wasm/${f}`);
    }
  }
  if (missing.length) throw new BuildError(`${missing.join(' and ')} missing: run npm run build`);
}

/**
 * Builds the site and returns a short summary. Options (for tests): out, the
 * output directory (default dist/); lessons, the lessons directory (default lessons/).
 */
export async function buildSite({ out: DIST = DEFAULT_DIST, lessons: LESSONS = DEFAULT_LESSONS } = {}) {
  await checkWasm();
  const md = createMarkdown();
  const shell = await readFile(join(SITE, 'shell.html'), 'utf8');
  const lessons = await readLessons(LESSONS);
  const core = await loadCore({ moduleUrl: pathToFileURL(join(ROOT, 'build', 'wasm', 'nl_core.mjs')) });
  const loadModel = modelLoader(ROOT);
  const fallbackOnly = new Map(); // tag -> count of elements left with the author's fallback

  const pages = [];
  for (const lesson of lessons) {
    const file = `lessons/${lesson.file}`;
    const env = {};
    let page;
    try {
      page = await prerenderPage(md.render(lesson.body, env), { file, source: lesson.source, core, loadModel });
    } catch (err) {
      throw new BuildError(err.message.startsWith(file) ? err.message : `${file}: ${err.message}`);
    }
    for (const e of page.elements) {
      if (!e.prerendered && e.tag !== 'nl-exercise') fallbackOnly.set(e.tag, (fallbackOnly.get(e.tag) ?? 0) + 1);
    }
    pages.push({ lesson, content: page.html, toc: env.toc ?? [] });
  }

  await rm(DIST, { recursive: true, force: true });
  await mkdir(DIST, { recursive: true });

  for (const [i, { lesson, content, toc }] of pages.entries()) {
    const html = fillShell(shell, {
      pageTitle: `${escapeHtml(lesson.title)} · NeuronLab`,
      description: escapeHtml(lesson.summary),
      content:
        `<article class="lesson">\n<p class="kicker">Lesson ${lesson.number}</p>\n` +
        `<h1>${escapeHtml(lesson.title)}</h1>\n${tableOfContents(toc)}${content}</article>`,
      pager: pager(lessons, i),
      preload: CORE_PRELOAD,
    });
    await writeFile(join(DIST, lesson.href), html);
  }

  const index = frontMatter(await readFile(join(SITE, 'index.md'), 'utf8'), 'web/src/site/index.md', [
    'title',
    'summary',
  ]);
  const list = lessons
    .map(
      (l) =>
        `<li><a href="${l.href}"><span class="kicker">Lesson ${l.number}</span> <span class="lesson-title">${escapeHtml(l.title)}</span></a>` +
        `<p>${escapeHtml(l.summary)}</p></li>`,
    )
    .join('\n');
  await writeFile(
    join(DIST, 'index.html'),
    fillShell(shell, {
      pageTitle: escapeHtml(index.meta.title),
      description: escapeHtml(index.meta.summary),
      content:
        `<div class="home">\n<h1>${escapeHtml(index.meta.title)}</h1>\n<p class="lede">${escapeHtml(index.meta.summary)}</p>\n` +
        `${md.render(index.body)}<h2 id="lessons">Lessons</h2>\n<ol class="lesson-list">\n${list}\n</ol>\n</div>`,
      pager: pager(lessons, -1),
      preload: '',
    }),
  );

  for (const f of ['site.css', 'favicon.svg']) await copyFile(join(SITE, f), join(DIST, f));
  await copyKatex(join(DIST, 'katex'));
  await esbuild.build({
    entryPoints: [join(ROOT, 'web', 'src', 'embed.js')],
    outfile: join(DIST, 'embed.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    // The loader reads the .wasm with node:fs only when it runs under Node;
    // browsers never take that branch, so leave those imports unresolved.
    external: ['node:*'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const f of WASM_FILES) await copyFile(join(ROOT, 'build', 'wasm', f), join(DIST, f));

  const embedSize = (await stat(join(DIST, 'embed.js'))).size;
  const waiting = [...fallbackOnly].map(([tag, n]) => `${tag} ×${n}`).join(', ');
  return (
    `${DIST.startsWith(ROOT) ? relative(ROOT, DIST) : DIST}/: ${lessons.length} lesson page(s), index.html, embed.js (${(embedSize / 1024).toFixed(1)} KiB), core, KaTeX` +
    (waiting ? `\n  kept the author's fallback text (no NAME-model.js prerender yet): ${waiting}` : '')
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildSite().then(
    (summary) => console.log(`Built ${summary}`),
    (err) => {
      console.error(err instanceof BuildError ? `build-site: ${err.message}` : err);
      process.exit(1);
    },
  );
}
