// The DOM-free parts of <nl-exercise>: the goal grammar (parsed without eval),
// goal evaluation against widget values, attribute checking, and numeric
// answers computed and compared by the core. Expected numbers come from the
// core itself (or from real NumPy through the oracle), never typed in here.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import {
  checkAnswer,
  currentValues,
  evaluateGoal,
  expectedAnswer,
  formatAnswer,
  goalPaths,
  goalText,
  parseExerciseAttributes,
  parseGoal,
  parsePath,
  pathText,
  prerender,
  readPath,
} from '../../web/src/exercises/exercise-model.js';
import { numbers } from './oracle.mjs';

const core = await loadCore({ moduleUrl: new URL('../../build/wasm/nl_core.mjs', import.meta.url) });

/** A reader over a plain object of widget values, as the element reads a widget. */
const over = (values) => (path) => readPath(path, (name) => values[name]);
const holds = (goal, values) => evaluateGoal(parseGoal(goal), over(values));

describe('goal grammar', () => {
  test('comparisons with every operator, and their unicode forms', () => {
    assert.equal(holds('output >= 0.95', { output: 0.97 }), true);
    assert.equal(holds('output >= 0.95', { output: 0.95 }), true);
    assert.equal(holds('output >= 0.95', { output: 0.5 }), false);
    assert.equal(holds('output <= 0.05', { output: 0.01 }), true);
    assert.equal(holds('output < 0.05', { output: 0.05 }), false);
    assert.equal(holds('output > -1e-3', { output: 0 }), true);
    assert.equal(holds('z == 0', { z: 0 }), true);
    assert.equal(holds('z != 0', { z: 0 }), false);
    assert.equal(holds('z ≥ 1', { z: 1 }), true);
    assert.equal(holds('z ≤ -1', { z: -2 }), true);
    assert.equal(holds('z ≠ 1', { z: 2 }), true);
    assert.equal(holds('0.5 < output', { output: 0.7 }), true, 'a number may come first');
  });

  test('and binds tighter than or; not and parentheses', () => {
    assert.equal(holds('z > 0 or z < -5 and output > 0', { z: 1, output: -1 }), true);
    assert.equal(holds('(z > 0 or z < -5) and output > 0', { z: 1, output: -1 }), false);
    assert.equal(holds('not z > 0', { z: 1 }), false);
    assert.equal(holds('not not z > 0', { z: 1 }), true);
    const tree = parseGoal('z > 0 or z < -5 and output > 0');
    assert.equal(tree.type, 'or');
    assert.equal(tree.right.type, 'and');
  });

  test('a path alone holds only when its value is true', () => {
    assert.equal(holds('solved', { solved: true }), true);
    assert.equal(holds('solved', { solved: false }), false);
    assert.equal(holds('solved', { solved: 1 }), false);
    assert.equal(holds('solved', {}), false);
    assert.equal(holds('not solved', { solved: false }), true);
  });

  test('indexes, negative indexes and nested paths', () => {
    const values = {
      output: [
        [1, 2, 3],
        [4, 5, 0],
      ],
      layers: [{ z: [-1, 2], output: [0, 2] }],
    };
    assert.equal(holds('output[1][2] == 0', values), true);
    assert.equal(holds('output[0][-1] == 3', values), true);
    assert.equal(holds('layers[0].output[1] > 1', values), true);
    assert.equal(holds('layers[-1].z[0] < 0', values), true);
    assert.equal(holds('output[5][0] > 0', values), false, 'out of range is missing, never true');
    assert.equal(holds('layers[0].a[0] >= 0', values), false, 'a missing key is missing');
  });

  test('matrices { rows, cols, data } index by row', () => {
    const m = { rows: 2, cols: 2, data: Float64Array.of(1, 2, 3, 4) };
    assert.equal(holds('output[1][0] == 3', { output: m }), true);
    assert.equal(holds('output >= 1', { output: m }), true, 'a whole matrix compares element by element');
  });

  test('a list compares element by element and needs every element', () => {
    assert.equal(holds('output > 0', { output: [1, 2, 3] }), true);
    assert.equal(holds('output > 0', { output: [1, 0, 3] }), false);
    assert.equal(holds('output > 0', { output: Float64Array.of(0.5) }), true);
    assert.equal(holds('output > 0', { output: [] }), false);
    assert.equal(holds('z < output', { z: [1, 2], output: [2, 3] }), true);
    assert.equal(holds('z < output', { z: [1, 2], output: [2, 3, 4] }), false, 'lengths must agree');
  });

  test('missing, null and NaN values never satisfy a comparison', () => {
    for (const output of [undefined, null, Number.NaN, 'text', {}, [1, 'x']]) {
      assert.equal(holds('output >= 0', { output }), false, String(output));
      assert.equal(holds('output < 0', { output }), false, String(output));
    }
  });

  test('only own data is read: no prototype or accessor walking', () => {
    const values = { layers: [{ z: [1] }] };
    assert.equal(holds('layers[0].constructor == 0', values), false);
    assert.equal(holds('layers[0].__proto__ == 0', values), false);
    assert.equal(
      readPath(parsePath('layers.length'), (n) => values[n]),
      undefined,
    );
    const element = new (class Widget {
      get output() {
        return 0.5;
      }
    })();
    // Class instances are not walked into (only the root read function sees the element).
    assert.equal(
      readPath(parsePath('layers[0].output'), () => [element]),
      undefined,
    );
  });

  test('the goal is shown back in readable form', () => {
    assert.equal(goalText(parseGoal('output>=0.95')), 'output ≥ 0.95');
    assert.equal(goalText(parseGoal('output[1][2]==0 and z<=-1')), 'output[1][2] = 0 and z ≤ -1');
    assert.equal(goalText(parseGoal('(z > 0 or z < -5) and not solved')), '(z > 0 or z < -5) and not solved');
    assert.equal(goalText(parseGoal('layers[0].output[1] != 2')), 'layers[0].output[1] ≠ 2');
    assert.deepEqual(goalPaths(parseGoal('z > 0 and output < 1 or z < -1')).map(pathText), ['z', 'output']);
  });

  test('bad goals are refused with a message saying where', () => {
    const cases = [
      ['', /missing or empty/],
      ['output >=', /at the end: expected a value name/],
      ['output >= 0.95 extra', /position 16 \("extra"\): expected the end/],
      ['>= 0.95', /position 1/],
      ['0.95', /a number alone is not a goal/],
      ['output[1.5] > 0', /whole number/],
      ['output[x] > 0', /whole number index/],
      ['(output > 0', /expected "\)"/],
      ['output > 0; alert(1)', /";" at position 11 is not allowed/],
      ['window.alert(1) > 0', /position 13 \("\("\): expected the end/],
      ['window > 0', /"window" is not a widget value/],
      ['constructor > 0', /not a widget value/],
      ['output > 1e999', /too large/],
      ['`${1}`', /is not allowed/],
      ['x'.repeat(300), /too long/],
    ];
    for (const [goal, message] of cases) {
      assert.throws(() => parseGoal(goal), message, JSON.stringify(goal));
    }
  });

  test('the parser contains no eval and no Function constructor', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of ['exercise-model.js', 'nl-exercise.js']) {
      const text = await readFile(new URL(`../../web/src/exercises/${file}`, import.meta.url), 'utf8');
      const src = text.replace(/^\s*(?:\/\/|\*|\/\*\*).*$/gm, ''); // code only, not comments
      assert.doesNotMatch(
        src,
        /\beval\s*\(|new\s+Function\b|\bFunction\s*\(|innerHTML|insertAdjacentHTML|outerHTML/,
        file,
      );
    }
  });
});

describe('exercise attributes', () => {
  test('numeric and challenge kinds', () => {
    const n = parseExerciseAttributes({
      compute: 'neuron',
      inputs: '1 2',
      weights: '3 4',
      bias: '0.5',
      pick: 'z',
      digits: '2',
      hint: 'Add.',
    });
    assert.equal(n.kind, 'numeric');
    assert.equal(n.digits, 2);
    assert.equal(n.hint, 'Add.');
    assert.deepEqual(n.params, { inputs: [1, 2], weights: [3, 4], bias: 0.5, activation: 'relu' });
    const c = parseExerciseAttributes({ for: 'xor', goal: 'solved', id: 'q1', class: 'x', 'data-note': 'y' });
    assert.equal(c.kind, 'challenge');
    assert.equal(c.target, 'xor');
    assert.equal(c.digits, 3);
  });

  test('the widgets’ notation: NumPy literals and layers separated by |', () => {
    const n = parseExerciseAttributes({
      compute: 'network',
      inputs: 'np.array([[0, 1], [1, 1]])',
      weights: '1 1; 1 1 | 1 -2',
      biases: '-0.5 -1.5 | -0.5',
      activations: 'step step',
      pick: 'output[1][0]',
    });
    assert.equal(n.params.batch, true);
    assert.deepEqual(n.params.x, [
      [0, 1],
      [1, 1],
    ]);
    assert.deepEqual(n.params.layers[1].weights, [[1, -2]]);
  });

  test('bad attributes are refused with a message', () => {
    const cases = [
      [{}, /needs compute/],
      [{ compute: 'neuron', for: 'x', goal: 'solved' }, /not both/],
      [{ compute: 'banana' }, /Unknown compute "banana"/],
      [{ compute: 'neuron', inputs: '1', weights: '1', biases: '1' }, /reads no attribute "biases"/],
      [{ compute: 'neuron', inputs: '1 x', weights: '1 2' }, /item 2 \("x"\) is not a number/],
      [{ compute: 'layer', inputs: '1', weights: '1', biases: '0' }, /needs pick/],
      [
        { compute: 'layer', inputs: '1', weights: '1', biases: '0', pick: 'output[0]', layout: 'diagonal' },
        /Unknown layout/,
      ],
      [{ compute: 'parameters', sizes: '4 8.5' }, /whole number/],
      [{ compute: 'neuron', inputs: '1', weights: '1', digits: '11' }, /0 to 10/],
      [{ compute: 'neuron', inputs: '1', weights: '1', pick: 'z +' }, /not allowed/],
      [
        { compute: 'network', inputs: '1', activations: 'relu', weights: '1', biases: '0', seed: '0', sizes: '1 1' },
        /not both/,
      ],
      [
        { compute: 'network', inputs: '1', activations: 'relu relu', weights: '1', biases: '0' },
        /same number of layers/,
      ],
      [{ for: 'x y', goal: 'solved' }, /id of a widget/],
      [{ for: 'x', goal: 'solved', compute: undefined, pick: 'z' }, /has no attribute "pick"/],
      [{ for: 'x', goal: 'banana > 1' }, /not a widget value/],
    ];
    for (const [attrs, message] of cases) {
      const clean = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined));
      assert.throws(() => parseExerciseAttributes(clean), message, JSON.stringify(attrs));
    }
  });
});

describe('numeric answers from the core', () => {
  const answer = (attrs) => expectedAnswer(core, parseExerciseAttributes(attrs));

  test('neuron: z and output are the core’s float64 results', () => {
    const params = { inputs: [0.5, -0.3, 0.7], weights: [0.5, -0.3, 0.8], bias: 0.1, activation: 'relu' };
    const r = core.neuron(params);
    const attrs = {
      compute: 'neuron',
      inputs: '0.5 -0.3 0.7',
      weights: '0.5 -0.3 0.8',
      bias: '0.1',
      activation: 'relu',
    };
    assert.equal(answer({ ...attrs, pick: 'z' }), r.z);
    assert.equal(answer(attrs), r.y, 'pick defaults to output');
    assert.equal(answer({ ...attrs, pick: 'products[2]' }), r.products[2]);
    // And the core agrees with real NumPy (the oracle): x @ w + b.
    assert.equal(answer({ ...attrs, pick: 'z' }), numbers('lesson1.relu.z')[0]);
  });

  test('activation: one number, or a list picked by index', () => {
    const tanh = core.neuron({ inputs: [0.5], weights: [1], bias: 0, activation: 'tanh' }).y;
    assert.equal(answer({ compute: 'activation', activation: 'tanh', z: '0.5' }), tanh);
    const leaky = core.neuron({ inputs: [-2], weights: [1], bias: 0, activation: 'leaky_relu(0.2)' }).y;
    assert.equal(answer({ compute: 'activation', activation: 'leaky_relu(0.2)', z: '1 -2', pick: 'output[1]' }), leaky);
  });

  test('layer and batch: vectors for one sample, rows for a batch, both layouts', () => {
    const W = [
      [0.2, 0.8, -0.5, 1],
      [0.5, -0.91, 0.26, -0.5],
      [-0.26, -0.27, 0.17, 0.87],
    ];
    const b = [2, 3, 0.5];
    const one = core.layer({ inputs: [1, 2, 3, 2.5], weights: W, biases: b, activation: 'relu' });
    const attrs = {
      compute: 'layer',
      inputs: '1 2 3 2.5',
      weights: '0.2 0.8 -0.5 1; 0.5 -0.91 0.26 -0.5; -0.26 -0.27 0.17 0.87',
      biases: '2 3 0.5',
      activation: 'relu',
    };
    assert.equal(answer({ ...attrs, pick: 'output[1]' }), one.a.data[1]);
    assert.equal(answer({ ...attrs, pick: 'z[2]' }), one.z.data[2]);
    assert.equal(answer({ ...attrs, pick: 'shape[1]' }), 3);
    const cols = { ...attrs, layout: 'cols', weights: '0.2 0.5 -0.26; 0.8 -0.91 -0.27; -0.5 0.26 0.17; 1 -0.5 0.87' };
    assert.equal(answer({ ...cols, pick: 'output[1]' }), one.a.data[1], 'the column layout gives the same numbers');
    const X = [
      [1, 2, 3, 2.5],
      [-0.8, 0.4, 0.1, 1.2],
      [0.2, 0.9, -0.5, 0.3],
    ];
    const batch = core.layer({ inputs: X, weights: W, biases: b, activation: 'relu' });
    const battrs = { ...attrs, compute: 'batch', inputs: '1 2 3 2.5; -0.8 0.4 0.1 1.2; 0.2 0.9 -0.5 0.3' };
    assert.equal(answer({ ...battrs, pick: 'output[2][1]' }), batch.a.data[2 * 3 + 1]);
    assert.equal(answer({ ...battrs, pick: 'shape[0]' }), 3);
  });

  test('network: seeded weights reproduce lesson 4, explicit weights give XOR', () => {
    const layers = core.seededLayers({ sizes: [4, 5, 1], activations: ['relu', 'sigmoid'], seed: 0, scale: 0.5 });
    const net = core.network({ inputs: [0.6, 0.1, 0.9, 0.4], layers });
    const attrs = {
      compute: 'network',
      sizes: '4 5 1',
      seed: '0',
      scale: '0.5',
      inputs: '0.6 0.1 0.9 0.4',
      activations: 'relu sigmoid',
    };
    assert.equal(answer({ ...attrs, pick: 'output[0]' }), net[1].a.data[0]);
    assert.equal(answer({ ...attrs, pick: 'layers[0].output[1]' }), net[0].a.data[1]);
    assert.equal(answer({ ...attrs, pick: 'parameters' }), core.parameterCount([4, 5, 1]));
    // formatFixed at 2 digits of the core's value is what NumPy's round(2) shows (oracle-free check:
    // the same core number, formatted both ways).
    assert.equal(
      formatAnswer(core, answer({ ...attrs, pick: 'layers[0].output[1]' }), 2),
      core.formatFixed(net[0].a.data[1], 2),
    );

    const xor = {
      compute: 'network',
      weights: '1 1; 1 1 | 1 -2',
      biases: '-0.5 -1.5 | -0.5',
      activations: 'step step',
      layout: 'rows',
    };
    const run = (inputs) =>
      core.network({
        inputs,
        layers: [
          {
            weights: [
              [1, 1],
              [1, 1],
            ],
            biases: [-0.5, -1.5],
            activation: 'step',
          },
          { weights: [[1, -2]], biases: [-0.5], activation: 'step' },
        ],
      });
    assert.equal(answer({ ...xor, inputs: '1 1', pick: 'z[0]' }), run([1, 1])[1].z.data[0]);
    assert.equal(
      answer({ ...xor, inputs: '0 0; 0 1; 1 0; 1 1', pick: 'output[2][0]' }),
      run([
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ])[1].a.data[2],
    );
  });

  test('parameters: the count for layer sizes', () => {
    assert.equal(answer({ compute: 'parameters', sizes: '4 8 8 3' }), core.parameterCount([4, 8, 8, 3]));
  });

  test('picks that are missing or not one number are refused', () => {
    const attrs = { compute: 'layer', inputs: '1 2', weights: '1 1; 2 2', biases: '0 0' };
    assert.throws(() => answer({ ...attrs, pick: 'output' }), /list of 2 numbers, not one number/);
    assert.throws(() => answer({ ...attrs, pick: 'output[2]' }), /names no value/);
    assert.throws(() => answer({ ...attrs, pick: 'banana' }), /names no value .*\(it has z, output, shape;/);
    assert.throws(() => answer({ compute: 'neuron', inputs: '1 2', weights: '1' }), /not aligned|one weight per input/);
    assert.throws(() => answer({ compute: 'neuron', inputs: '1', weights: '1', activation: 'banana' }), /banana/);
  });

  test('typed answers are compared after rounding both with the core', () => {
    const z = core.neuron({ inputs: [0.5, -0.3, 0.7], weights: [0.5, -0.3, 0.8], bias: 0.1, activation: 'relu' }).z;
    const shown = core.formatFixed(z, 3);
    assert.equal(checkAnswer(core, z, shown, 3).status, 'correct');
    assert.equal(checkAnswer(core, z, ` ${shown} `, 3).status, 'correct', 'spaces are ignored');
    assert.equal(checkAnswer(core, z, String(z), 3).status, 'correct', 'the full float64 is fine too');
    assert.equal(checkAnswer(core, z, shown.replace('.', ','), 3).status, 'correct', 'a decimal comma is read');
    const wrong = checkAnswer(core, z, String(z + 0.01), 3);
    assert.equal(wrong.status, 'incorrect');
    assert.equal(wrong.expected, shown);
    assert.equal(wrong.typed, core.formatFixed(z + 0.01, 3));
    for (const junk of ['', 'abc', '1/2', 'NaN', 'Infinity', '0x10']) {
      assert.equal(checkAnswer(core, z, junk, 3).status, 'invalid', junk);
    }
  });

  test('negative zero and whole-number digits', () => {
    assert.equal(formatAnswer(core, -0.0004, 3), '0.000');
    assert.equal(formatAnswer(core, -0, 0), '0');
    assert.equal(checkAnswer(core, -0.0004, '0', 3).status, 'correct');
    assert.equal(checkAnswer(core, -0.0004, '-0', 3).status, 'correct');
    const count = core.parameterCount([4, 8, 8, 3]);
    assert.equal(checkAnswer(core, count, String(count), 0).status, 'correct');
    assert.equal(checkAnswer(core, count, String(count + 1), 0).status, 'incorrect');
  });

  test('currentValues formats what a goal reads with the core', () => {
    const tree = parseGoal('output[0] >= 0.95 and z < 0 or solved');
    const shown = currentValues(core, tree, over({ output: [0.25], z: [-1.5, 2], solved: false }), 3);
    assert.deepEqual(shown, [
      { path: 'output[0]', text: core.formatFixed(0.25, 3) },
      { path: 'z', text: `[${core.formatFixed([-1.5, 2], 3).split(' ').join(', ')}]` },
    ]);
  });

  test('prerender validates for the site build and adds nothing', () => {
    assert.equal(prerender({ compute: 'parameters', sizes: '4 8 8 3' }, core), '');
    assert.equal(prerender({ for: 'x', goal: 'solved' }, core), '');
    assert.throws(() =>
      prerender({ compute: 'layer', inputs: '1 2', weights: '1 2 3', biases: '0', pick: 'output[0]' }, core),
    );
  });
});
