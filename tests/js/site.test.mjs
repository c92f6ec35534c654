// The lesson site as built by scripts/build-site.mjs, into a temporary directory:
// every lesson exists and is linked from the index; each has its learning goals,
// key words, exercises, recap and a table of contents; formulas were typeset at
// build time; the numbers prerendered into nl-neuron equal the core's (computed
// here, never typed); no inline scripts or event handlers; every challenge
// starts unsolved; and bad attributes in a lesson fail the build, naming the
// file and the problem.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../../scripts/build-site.mjs';
import { decodeEntities, findElements, parseAttributes } from '../../scripts/lib/prerender.mjs';
import { loadCore } from '../../web/src/core/core.js';
import {
  computeValues,
  evaluateGoal,
  parseExerciseAttributes,
  parseGoal,
  readPath,
} from '../../web/src/exercises/exercise-model.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LESSONS = join(ROOT, 'lessons');
const SECTIONS = ['what-you-will-learn', 'key-words', 'exercises', 'recap'];
const WIDGETS = ['nl-neuron', 'nl-layer', 'nl-batch', 'nl-network', 'nl-xor', 'nl-activation', 'nl-boundary'];

let out;
let core;
const pages = new Map(); // lesson file name (NN-slug.html) -> HTML
let lessonFiles;
let index;

/** Text content of HTML, roughly: tags removed, entities decoded. */
const text = (html) => decodeEntities(html.replace(/<[^>]*>/g, ''));

/** Each element of a tag with its attributes and inner HTML. */
function elementsOf(html, tag) {
  return findElements(html)
    .filter((e) => e.tag === tag)
    .map((e) => ({ attributes: parseAttributes(e.attributeText), inner: html.slice(e.openEnd, e.close) }));
}

describe('the built site', () => {
  before(async () => {
    core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', `file://${ROOT}`) });
    out = await mkdtemp(join(tmpdir(), 'nl-site-'));
    await buildSite({ out });
    lessonFiles = (await readdir(LESSONS)).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();
    for (const f of lessonFiles) {
      const name = f.replace(/\.md$/, '.html');
      pages.set(name, await readFile(join(out, name), 'utf8'));
    }
    index = await readFile(join(out, 'index.html'), 'utf8');
  });

  after(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  test('the curriculum has seven lessons', () => {
    assert.ok(lessonFiles.length >= 7, `found ${lessonFiles.join(', ')}`);
  });

  test('every lesson page exists and the index links it with its summary', async () => {
    for (const f of lessonFiles) {
      const name = f.replace(/\.md$/, '.html');
      assert.ok(pages.get(name).length > 1000, `${name} was written`);
      assert.ok(index.includes(`href="${name}"`), `index.html links ${name}`);
      const summary = /^summary:\s*(.*)$/m.exec(await readFile(join(LESSONS, f), 'utf8'))[1].trim();
      assert.ok(text(index).includes(summary), `index.html shows the summary of ${name}`);
    }
  });

  test('previous and next links chain the lessons in order', () => {
    const names = [...pages.keys()];
    names.forEach((name, i) => {
      const nav = /<nav class="pager"[^>]*>([\s\S]*?)<\/nav>/.exec(pages.get(name))[1];
      if (i > 0) assert.ok(nav.includes(`href="${names[i - 1]}"`), `${name} links back to ${names[i - 1]}`);
      if (i + 1 < names.length)
        assert.ok(nav.includes(`href="${names[i + 1]}"`), `${name} links on to ${names[i + 1]}`);
    });
  });

  test('each lesson has goals, key words, exercises and a recap, and a table of contents of its h2s', () => {
    for (const [name, html] of pages) {
      const h2 = [...html.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
      for (const id of SECTIONS) assert.ok(h2.includes(id), `${name} has a section #${id}`);
      const toc = /<nav class="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
      assert.ok(toc, `${name} has a table of contents`);
      const links = [...toc[1].matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(links, h2, `${name}: the table of contents lists every h2 in order`);
    }
  });

  test('each lesson has at least three checked exercises and a Python program', () => {
    for (const [name, html] of pages) {
      const exercises = elementsOf(html, 'nl-exercise');
      assert.ok(exercises.length >= 3, `${name} has ${exercises.length} nl-exercise elements`);
      assert.match(html, /<pre tabindex="0"><code class="language-python">/, `${name} shows a Python program`);
      assert.match(html, /<span class="tok-keyword">/, `${name}: Python highlighted at build time`);
    }
  });

  test('formulas were typeset at build time: no raw TeX delimiters left', () => {
    for (const [name, html] of pages) {
      assert.ok((html.match(/class="katex"/g) ?? []).length >= 5, `${name} has typeset formulas`);
      const prose = html
        .replace(/<pre[\s\S]*?<\/pre>/g, '')
        .replace(/<code[\s\S]*?<\/code>/g, '')
        .replace(/<annotation[\s\S]*?<\/annotation>/g, '');
      const t = text(prose);
      assert.ok(!t.includes('$$'), `${name} has no raw $$`);
      const inline = /\$[^$\s][^$\n]*\$/.exec(t);
      assert.equal(inline, null, `${name} has no raw $…$: ${inline?.[0]}`);
      assert.ok(!/\\(?:frac|begin|operatorname|mathsf)\b/.test(t), `${name} has no raw TeX commands`);
    }
  });

  test('no inline scripts, event-handler attributes or javascript: URLs', () => {
    for (const [name, html] of [...pages, ['index.html', index]]) {
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        assert.match(m[1], /\bsrc=/, `${name}: every script has a src`);
        assert.equal(m[2].trim(), '', `${name}: no inline script code`);
      }
      const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
      for (const tag of tags) {
        assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `${name}: no inline event handler in ${tag.slice(0, 80)}`);
        assert.doesNotMatch(tag, /javascript:/i, `${name}: no javascript: URL in ${tag.slice(0, 80)}`);
      }
      assert.doesNotMatch(html, /<script\b(?![^>]*\bsrc=)/i);
    }
  });

  test('widgets carry a fallback paragraph and ids are unique per page', () => {
    for (const [name, html] of pages) {
      const ids = new Set();
      for (const tag of WIDGETS) {
        for (const w of elementsOf(html, tag)) {
          assert.match(
            w.inner.trimStart(),
            /^<p>/,
            `${name}: <${tag} id="${w.attributes.id}"> starts with a fallback paragraph`,
          );
          if (w.attributes.id) {
            assert.ok(!ids.has(w.attributes.id), `${name}: id ${w.attributes.id} is unique`);
            ids.add(w.attributes.id);
          }
        }
      }
    }
  });

  test('every nl-neuron shows the core’s numbers in the static HTML', () => {
    let count = 0;
    for (const [name, html] of pages) {
      for (const { attributes: a, inner } of elementsOf(html, 'nl-neuron')) {
        const params = {
          inputs: a.inputs
            .trim()
            .split(/[\s,]+/)
            .map(Number),
          weights: a.weights
            .trim()
            .split(/[\s,]+/)
            .map(Number),
          bias: Number(a.bias ?? 0),
          activation: a.activation ?? 'relu',
        };
        const r = core.neuron(params);
        const shown = (key) => new RegExp(`data-nl-value="${key}">([^<]*)<`).exec(inner)?.[1];
        assert.match(
          inner,
          /<div class="nl-prerender" data-nl-prerender="nl-neuron">/,
          `${name}: neuron ${a.id} prerendered`,
        );
        assert.equal(shown('z'), core.formatFixed(r.z, 3), `${name}: ${a.id} z`);
        assert.equal(shown('y'), core.formatFixed(r.y, 3), `${name}: ${a.id} y`);
        const steps = [...inner.matchAll(/<div>([^<]*)<\/div>/g)].map((m) => decodeEntities(m[1]));
        assert.equal(steps[2], `= ${core.formatFixed(r.z, 3)}`, `${name}: ${a.id} the working ends in z`);
        const products = Array.from(r.products, (p) => core.formatFixed(p, 3));
        for (const p of products)
          assert.ok(steps[1].includes(p.replace(/^-/, '')), `${name}: ${a.id} shows product ${p}`);
        count++;
      }
    }
    assert.ok(count >= 4, `checked ${count} neurons`);
  });

  test('every challenge names a widget on its page and starts unsolved', () => {
    let count = 0;
    for (const [name, html] of pages) {
      const widgets = new Map();
      for (const tag of WIDGETS) for (const w of elementsOf(html, tag)) widgets.set(w.attributes.id, { tag, ...w });
      for (const { attributes } of elementsOf(html, 'nl-exercise')) {
        if (attributes.for === undefined) continue;
        const target = widgets.get(attributes.for);
        assert.ok(target, `${name}: for="${attributes.for}" is a widget on the page`);
        const values = initialValues(target);
        if (!values) continue; // a widget whose results this test cannot derive (nl-activation)
        const goal = parseGoal(attributes.goal);
        const met = evaluateGoal(goal, (path) => readPath(path, (key) => values[key]));
        assert.equal(met, false, `${name}: goal "${attributes.goal}" on #${attributes.for} must not hold at the start`);
        count++;
      }
    }
    assert.ok(count >= 6, `checked ${count} challenges`);
  });

  test('bad attributes in a lesson fail the build with the file, the line and the message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nl-bad-lessons-'));
    try {
      await mkdir(join(dir, 'lessons'));
      const lesson = [
        '---',
        'title: Broken',
        'summary: A lesson with a bad widget.',
        '---',
        '',
        'Some text.',
        '',
        '<nl-neuron id="bad" inputs="1 2 3" weights="1 2" bias="0">',
        '<p>Fallback.</p>',
        '</nl-neuron>',
        '',
      ].join('\n');
      await writeFile(join(dir, 'lessons', '01-broken.md'), lesson);
      await assert.rejects(buildSite({ out: join(dir, 'dist'), lessons: join(dir, 'lessons') }), (err) => {
        assert.match(err.message, /^lessons\/01-broken\.md:8: <nl-neuron id="bad">: There are 3 inputs but 2 weights/);
        return true;
      });
      await writeFile(
        join(dir, 'lessons', '01-broken.md'),
        lesson.replace(
          /<nl-neuron[\s\S]*<\/nl-neuron>/,
          '<nl-exercise compute="layer" inputs="1 2" weights="1 2; 3 4" biases="0 0" pick="output[5]">\n\nQ?\n\n</nl-exercise>',
        ),
      );
      await assert.rejects(
        buildSite({ out: join(dir, 'dist'), lessons: join(dir, 'lessons') }),
        /01-broken\.md:8: <nl-exercise>: pick "output\[5\]" names no value/,
      );
      await writeFile(
        join(dir, 'lessons', '01-broken.md'),
        lesson.replace('id="bad"', 'id="bad" for="nowhere"').replace(' weights="1 2"', ' weights="1 2 3"'),
      );
      await assert.rejects(
        buildSite({ out: join(dir, 'dist'), lessons: join(dir, 'lessons') }),
        /for="nowhere" names no element/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const XOR_ROWS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** The results a widget shows before the reader touches it, from its attributes, by the core. */
function initialValues({ tag, attributes: a }) {
  const pick = (names) => Object.fromEntries(names.filter((n) => a[n] !== undefined).map((n) => [n, a[n]]));
  const run = (compute, attrs) => {
    const spec = parseExerciseAttributes({ compute, pick: 'z', ...attrs });
    return computeValues(core, compute, spec.params);
  };
  switch (tag) {
    case 'nl-neuron':
      return run('neuron', pick(['inputs', 'weights', 'bias', 'activation']));
    case 'nl-layer':
    case 'nl-batch':
      return run(tag === 'nl-layer' ? 'layer' : 'batch', pick(['inputs', 'weights', 'biases', 'activation', 'layout']));
    case 'nl-network':
    case 'nl-boundary':
      return run('network', pick(['inputs', 'weights', 'biases', 'activations', 'layout', 'sizes', 'seed', 'scale']));
    case 'nl-xor': {
      const values = run('network', {
        ...pick(['weights', 'biases', 'layout']),
        activations: 'step step',
        inputs: XOR_ROWS.map((r) => r.join(' ')).join('; '),
      });
      const solved = values.output.every((row, i) => row[0] === (XOR_ROWS[i][0] ^ XOR_ROWS[i][1]));
      return { solved };
    }
    default:
      return null;
  }
}
