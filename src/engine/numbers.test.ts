import { strict as assert } from 'assert';
import { parseNumber, parseRate, roundHalfAway } from './numbers';

describe('numbers: parseNumber (§1)', () => {
  const good: [unknown, number][] = [
    [3, 3],
    [3.5, 3.5],
    [0, 0],
    [-2, -2],
    ['3', 3],
    ['3.5', 3.5],
    ['３', 3],
    ['３．５', 3.5],
    ['3分', 3],
    ['50元', 50],
    ['¥50', 50],
    ['￥50', 50],
    ['1,200', 1200],
    ['12,345,678', 12345678],
    ['¥1,200元', 1200],
    [' 3 ', 3],
    ['3 分', 3],
    ['-1', -1],
    ['.5', 0.5],
  ];
  for (const [input, value] of good) {
    it(`reads ${JSON.stringify(input)} as ${value}`, () => assert.equal(parseNumber(input), value));
  }

  it('gives null for a blank cell', () => {
    for (const blank of [null, undefined, '', '   ', '\u3000']) assert.equal(parseNumber(blank), null, JSON.stringify(blank));
  });

  const bad: unknown[] = ['三', '三分', 'abc', '3分5', '1,20', '1,2000', '3..5', '--3', '3-', '¥', '元', '3 5', 'N/A', '50美元',
    true, false, new Date(0), Number.NaN, Number.POSITIVE_INFINITY];
  for (const input of bad) {
    it(`gives NaN for ${input instanceof Date ? 'a Date' : JSON.stringify(input) ?? String(input)}`, () => {
      assert.ok(Number.isNaN(parseNumber(input)), String(input));
    });
  }
});

describe('numbers: parseRate', () => {
  it('reads fractions, percentages and numbers above 1 as percentages', () => {
    assert.equal(parseRate(0.97), 0.97);
    assert.equal(parseRate('0.97'), 0.97);
    assert.equal(parseRate('97%'), 0.97);
    assert.equal(parseRate('９７％'), 0.97);
    assert.equal(parseRate(97), 0.97);
    assert.equal(parseRate(1), 1);
    assert.equal(parseRate('100%'), 1);
  });

  it('gives null for blank and NaN for unreadable text', () => {
    assert.equal(parseRate(null), null);
    assert.equal(parseRate(''), null);
    assert.ok(Number.isNaN(parseRate('很满意')));
    assert.ok(Number.isNaN(parseRate('%')));
  });
});

describe('numbers: roundHalfAway (§3: half away from zero)', () => {
  it('rounds the halves away from zero', () => {
    assert.equal(roundHalfAway(98.125, 2), 98.13);
    assert.equal(roundHalfAway(1.005, 2), 1.01);
    assert.equal(roundHalfAway(-2.5, 0), -3);
    assert.equal(roundHalfAway(2.5, 0), 3);
    assert.equal(roundHalfAway(-1.005, 2), -1.01);
    assert.equal(roundHalfAway(0.125, 2), 0.13);
    assert.equal(roundHalfAway(2.675, 2), 2.68);
  });

  it('leaves other values at the nearest', () => {
    assert.equal(roundHalfAway(98.124, 2), 98.12);
    assert.equal(roundHalfAway(96, 2), 96);
    assert.equal(roundHalfAway(0.8 * 97 + 0.2 * 98 + 1, 2), 98.2);
    assert.equal(roundHalfAway(1 / 3, 2), 0.33);
    assert.equal(roundHalfAway(2 / 3, 2), 0.67);
  });

  it('defaults to 2 decimals', () => {
    assert.equal(roundHalfAway(98.125), 98.13);
  });
});
