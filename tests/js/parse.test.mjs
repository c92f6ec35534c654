// parse.js: vectors and matrices from attribute text and from pasted NumPy
// literals. Everything it reads is untrusted, so most cases here are hostile:
// each must end in a result or in an Error whose message names the problem and
// its place, quickly, whatever the size of the text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  LIMITS,
  formatMatrices,
  formatMatrix,
  formatNumber,
  isIncompleteNumber,
  parseArrayText,
  parseIntegers,
  parseMatrices,
  parseMatrix,
  parseNames,
  parseNumber,
  parseVector,
  parseVectors,
} from '../../web/src/widgets/parse.js';

/** The Error message of f(), or a failure when it does not throw. */
function messageOf(f) {
  try {
    f();
  } catch (err) {
    assert.ok(err instanceof Error, 'throws an Error');
    return err.message;
  }
  assert.fail('expected an Error');
}

describe('attribute notation', () => {
  test('rows by semicolons, numbers by spaces or commas', () => {
    assert.deepEqual(parseMatrix('1 2, 3; 4 5 6', 'weights'), [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    assert.deepEqual(parseMatrix(' 0.2 0.8 -0.5 1;\n 0.5 -0.91 0.26 -0.5 ', 'weights'), [
      [0.2, 0.8, -0.5, 1],
      [0.5, -0.91, 0.26, -0.5],
    ]);
    assert.deepEqual(parseMatrix('1 2 3', 'inputs'), [[1, 2, 3]], 'a vector is one row');
    assert.deepEqual(parseVector('0.5, -0.3 ,0.7', 'inputs'), [0.5, -0.3, 0.7]);
    assert.deepEqual(parseVector('7', 'bias'), [7]);
  });

  test('layers separated by |', () => {
    assert.deepEqual(parseMatrices('1 2; 3 4 | 5; 6', 'weights'), [
      [
        [1, 2],
        [3, 4],
      ],
      [[5], [6]],
    ]);
    assert.deepEqual(parseMatrices('1 2; 3 4', 'weights'), [
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    assert.deepEqual(parseVectors('0 0 0 | 0', 'biases'), [[0, 0, 0], [0]]);
  });

  test('line breaks are rows only for pasted blocks', () => {
    const block = '1\t2\n3\t4\n';
    assert.deepEqual(parseMatrix(block, 'pasted text', { kind: 'text', newlineRows: true }), [
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(parseMatrix(block, 'weights'), [[1, 2, 3, 4]], 'in an attribute a line break is white space');
  });

  test('messages name the attribute, the row and the item', () => {
    assert.equal(
      messageOf(() => parseMatrix('1 2; 3 x', 'weights')),
      'In weights, row 2, item 2 ("x") is not a number.',
    );
    assert.equal(
      messageOf(() => parseMatrix('1 2 3; 4 5', 'weights')),
      'In weights, row 2 has 2 numbers but row 1 has 3.',
    );
    assert.equal(
      messageOf(() => parseMatrix('1 2; 3', 'weights')),
      'In weights, row 2 has 1 number but row 1 has 2.',
    );
    assert.match(
      messageOf(() => parseMatrix('1 2;', 'weights')),
      /^In weights, row 2 is empty/,
    );
    assert.match(
      messageOf(() => parseMatrix('1;;2', 'weights')),
      /^In weights, row 2 is empty/,
    );
    assert.equal(
      messageOf(() => parseMatrices('1 2 | 3 y', 'weights')),
      'In weights, layer 2, item 2 ("y") is not a number.',
    );
    assert.equal(
      messageOf(() => parseMatrices('1 2 | ', 'weights')),
      'In weights, layer 2 is empty.',
    );
    assert.equal(
      messageOf(() => parseVector('1; 2', 'inputs')),
      'The inputs attribute must be one row of numbers, but it has 2 rows.',
    );
    assert.equal(
      messageOf(() => parseVector('', 'inputs')),
      'The inputs attribute is missing or empty.',
    );
    assert.equal(
      messageOf(() => parseVector(null, 'inputs')),
      'The inputs attribute is missing or empty.',
    );
    assert.equal(
      messageOf(() => parseVector('  ', 'pasted text', { kind: 'text' })),
      'The pasted text is empty.',
    );
  });

  test('numbers: no NaN, no infinity, no hex, nothing Number() would stretch to accept', () => {
    for (const bad of [
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '0x10',
      '0b1',
      '1_000',
      '--1',
      '1.2.3',
      '١',
      'null',
      'true',
      '[]',
    ]) {
      assert.match(
        messageOf(() => parseVector(`1 ${bad}`, 'inputs')),
        /item 2 .* is not a number/,
        bad,
      );
    }
    assert.deepEqual(parseVector('-0 +2 .5 1. 1e-3 1.e-05 \u22120.25', 'inputs'), [-0, 2, 0.5, 1, 0.001, 1e-5, -0.25]);
  });
});

describe('NumPy literals', () => {
  test('the forms people paste', () => {
    const m = [
      [1, 2],
      [3, 4],
    ];
    for (const text of [
      'np.array([[1, 2], [3, 4]])',
      'numpy.array([[1, 2], [3, 4]])',
      'np.asarray([[1,2],[3,4]])',
      '[[1,2],[3,4]]',
      '[[1, 2], [3, 4],]',
      'array([[1., 2.],\n       [3., 4.]])',
      '[[1. 2.]\n [3. 4.]]',
      'np.array([[1, 2], [3, 4]], dtype=float)',
      "np.array([[1, 2], [3, 4]], dtype='float64')",
      'np . array ( [ [ 1 , 2 ] , [ 3 , 4 ] ] , dtype = np.float64 )',
    ]) {
      assert.deepEqual(parseMatrix(text, 'weights'), m, text);
    }
    assert.deepEqual(parseVector('np.array([0.5, -0.3, 0.7])', 'inputs'), [0.5, -0.3, 0.7]);
    assert.deepEqual(parseVector('[[0.5, -0.3, 0.7]]', 'inputs'), [0.5, -0.3, 0.7], 'one row is a vector');
    assert.deepEqual(parseVector('array([1.e-05, 1.e+00])', 'inputs'), [1e-5, 1]);
    assert.deepEqual(parseArrayText('np.array(3.5)', 'bias'), { dims: 0, value: 3.5 });
    assert.deepEqual(parseArrayText('[1, 2]', 'x'), { dims: 1, value: [1, 2] });
  });

  test('syntax errors give the character position and what was expected', () => {
    const cases = [
      ['[1,,2]', 'In weights, at character 4: expected a number or \'[\' but found ",".'],
      ['[1 2', "In weights, at character 5: expected ',' or ']' but found the end of the text."],
      ['[1, nan]', 'In weights, at character 5: expected a finite number (not NaN or infinity) but found "nan".'],
      ['[1, inf]', 'In weights, at character 5: expected a finite number (not NaN or infinity) but found "inf".'],
      ['np.zeros(3)', 'In weights, at character 1: expected \'np.array(\' but found "np.zeros".'],
      ['np.array([1, 2]', "In weights, at character 16: expected ')' but found the end of the text."],
      ['np.array([1, 2], dtype=object)', 'In weights, at character 18: expected dtype=float but found "dtype=object".'],
      ['[1, 2] + 1', 'In weights, at character 8: expected nothing more after the array but found "+".'],
      ['[]', 'In weights, at character 2: the list is empty.'],
      ['[[1, 2], []]', 'In weights, at character 11: the list is empty.'],
      ['[[[1]]]', 'In weights, at character 3: arrays nested deeper than 2 levels are not supported.'],
      ['[[1, 2], [3]]', 'In weights, row 2 has 1 number but row 1 has 2.'],
      ['[1, [2]]', 'In weights, row 1 is a single number where the other rows are lists.'],
      ['[[1], 2]', 'In weights, row 2 is a single number where the other rows are lists.'],
      ['np.array([1, 2])(1)', 'In weights, at character 17: expected nothing more after the array but found "(".'],
    ];
    for (const [text, message] of cases)
      assert.equal(
        messageOf(() => parseMatrix(text, 'weights')),
        message,
        text,
      );
  });
});

describe('hostile input', () => {
  // Each case must be refused (or read) quickly, whatever its size.
  const quick = (f) => {
    const start = performance.now();
    const message = messageOf(f);
    const ms = performance.now() - start;
    assert.ok(ms < 250, `took ${ms.toFixed(0)} ms`);
    return message;
  };

  test('size limits: text length, number count, rows', () => {
    assert.match(
      quick(() => parseMatrix('1 '.repeat(600000), 'weights')),
      /too long: 1200000 characters, at most 65536/,
    );
    assert.match(
      quick(() => parseMatrix('[' + '1,'.repeat(40000) + '1]', 'weights')),
      /too long/,
    );
    assert.match(
      quick(() => parseMatrix('1 '.repeat(5000), 'weights')),
      /has 5000 numbers; at most 4096/,
    );
    assert.match(
      quick(() => parseMatrix('[' + '1,'.repeat(5000) + '1]', 'weights')),
      /more than 4096 numbers/,
    );
    assert.match(
      quick(() => parseMatrix('1;'.repeat(2000) + '1', 'weights')),
      /2001 rows; at most 1024/,
    );
    assert.match(
      quick(() => parseMatrix('[' + '[1],'.repeat(2000) + '[1]]', 'weights')),
      /more than 1024 rows/,
    );
    assert.match(
      quick(() => parseVector('1 2 3', 'inputs', { numbers: 2 })),
      /3 numbers; at most 2/,
    );
    assert.match(
      quick(() => parseMatrices('1 2 3 | 4 5 6', 'w', { numbers: 5 })),
      /more than 5 numbers in all/,
    );
    assert.match(
      quick(() => parseMatrices('1|'.repeat(100) + '1', 'w')),
      /101 layers; at most 64/,
    );
  });

  test('deep nesting and unbalanced brackets are refused at the first excess', () => {
    assert.match(
      quick(() => parseMatrix('['.repeat(70000), 'w')),
      /too long/,
    );
    assert.match(
      quick(() => parseMatrix('['.repeat(70000), 'w', { text: 1e6 })),
      /nested deeper than 2/,
    );
    assert.match(
      quick(() => parseMatrix(']'.repeat(100), 'w')),
      /item 1 .* is not a number/,
    );
    assert.match(
      quick(() => parseMatrix('np.array(' + '('.repeat(1000), 'w')),
      /expected a number or '\['/,
    );
  });

  test('markup and script text is only ever quoted, shortened, in a message', () => {
    const message = quick(() => parseVector('0.5 <img src=x onerror=alert(1)> 0.7', 'inputs'));
    assert.equal(message, 'In inputs, item 2 ("<img") is not a number.');
    const long = quick(() => parseVector(`1 <script>${'a'.repeat(1000)}</script>`, 'inputs'));
    assert.ok(long.length < 100, 'the quoted text is shortened');
    assert.match(
      quick(() => parseMatrix('[1, "</script>"]', 'w')),
      /found ""<\/script>""/,
    );
  });

  test('odd characters: NUL, unicode digits, lone surrogates, __proto__', () => {
    for (const text of [
      '1\u00002',
      '١٢',
      '1 \uD800',
      '__proto__',
      'constructor',
      '1 2; __proto__',
      'np.array([\u0000])',
    ]) {
      assert.ok(quick(() => parseMatrix(text, 'w')).length > 0, JSON.stringify(text));
    }
    assert.deepEqual(parseVector('\uFEFF1\u00a02\u20033', 'w'), [1, 2, 3], 'a BOM and unicode spaces are white space');
  });

  test('non-string values are read as their text', () => {
    assert.deepEqual(parseVector(42, 'x'), [42]);
    assert.match(
      messageOf(() => parseVector({ toString: () => 'nope' }, 'x')),
      /item 1 \("nope"\)/,
    );
    assert.match(
      messageOf(() => parseVector(undefined, 'x')),
      /missing or empty/,
    );
  });

  test('many generated strings never throw anything but a described Error', () => {
    const pieces = ['[', ']', ',', ';', '|', ' ', '1', '-', '.', 'e', 'np.array(', ')', '\n', 'nan', '0.5', 'x', '"'];
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      for (const parse of [parseVector, parseMatrix, parseMatrices, parseVectors]) {
        try {
          const value = parse(text, 'w');
          assert.ok(Array.isArray(value), text);
          assert.ok(value.flat(2).every(Number.isFinite), text);
        } catch (err) {
          assert.ok(err instanceof Error && /^(In|The) w/.test(err.message), `${JSON.stringify(text)}: ${err.message}`);
        }
      }
    }
  });
});

describe('other lists and formatting', () => {
  test('parseIntegers and parseNames', () => {
    assert.deepEqual(parseIntegers('4 5 1', 'sizes', { min: 1, max: 1024 }), [4, 5, 1]);
    assert.equal(
      messageOf(() => parseIntegers('4 0', 'sizes', { min: 1, max: 1024 })),
      'In sizes, item 2: 0 must be a whole number from 1 to 1024.',
    );
    assert.equal(
      messageOf(() => parseIntegers('1.5', 'seed')),
      'In seed: 1.5 must be a whole number from 0 to 4294967295.',
    );
    assert.deepEqual(parseNames('relu, leaky_relu(0.2) sigmoid', 'activations'), [
      'relu',
      'leaky_relu(0.2)',
      'sigmoid',
    ]);
    assert.equal(
      messageOf(() => parseNames('relu <b>x</b>', 'activations')),
      'In activations, item 2 ("<b>x</b>") is not a name such as relu or leaky_relu(0.2).',
    );
    assert.match(
      messageOf(() => parseNames('', 'activations')),
      /missing or empty/,
    );
  });

  test('isIncompleteNumber: text on its way to becoming a number', () => {
    for (const t of ['', '-', '+', '.', '-.', '1e', '2.5e-', '\u2212']) assert.ok(isIncompleteNumber(t), t);
    for (const t of ['x', '1x', '--', '1e-3', '0.5']) assert.ok(!isIncompleteNumber(t), t);
  });

  test('formatting round-trips every float64 exactly', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = [0, -0, 1, -1, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, 1e21, 123456789.125];
    for (let i = 0; i < 200; i++) values.push((random() - 0.5) * 10 ** Math.floor(random() * 40 - 20));
    const rows = [values.slice(0, 105), values.slice(105)];
    const back = parseMatrix(formatMatrix(rows), 'w');
    back
      .flat()
      .forEach((v, i) =>
        assert.ok(Object.is(v, rows.flat()[i]), `${rows.flat()[i]} -> ${formatNumber(rows.flat()[i])}`),
      );
    assert.equal(formatMatrices([[[1, 2]], [[3], [4]]]), '1 2 | 3; 4');
    assert.equal(parseNumber(formatNumber(-0)), -0);
  });

  test('the default limits are documented numbers', () => {
    assert.deepEqual({ ...LIMITS }, { text: 65536, numbers: 4096, rows: 1024 });
  });
});
