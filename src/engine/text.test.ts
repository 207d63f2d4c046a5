import { strict as assert } from 'assert';
import { cleanText, idText, isBlank, normalizeKey } from './text';

describe('text: normalizeKey (§10 comparison key)', () => {
  it('applies NFKC, removes all white space and case-folds', () => {
    assert.equal(normalizeKey(' Ｈ0101\u3000'), 'h0101');
    assert.equal(normalizeKey('姓 名'), '姓名');
    assert.equal(normalizeKey('ＩＤ'), 'id');
    assert.equal(normalizeKey('Start  Date'), 'startdate');
    assert.equal(normalizeKey('张\t三\n'), '张三');
    assert.equal(normalizeKey('２０２６'), '2026');
  });

  it('gives the same key for the number 8003 and the text "8003"', () => {
    assert.equal(normalizeKey(8003), '8003');
    assert.equal(normalizeKey(8003), normalizeKey('8003'));
    assert.equal(normalizeKey('８００３'), '8003');
  });

  it('gives "" for null and undefined', () => {
    assert.equal(normalizeKey(null), '');
    assert.equal(normalizeKey(undefined), '');
  });
});

describe('text: cleanText', () => {
  it('NFKC and trims, keeping inner spaces', () => {
    assert.equal(cleanText('  ＡＢ  c\u3000'), 'AB  c');
    assert.equal(cleanText('门诊 收费处'), '门诊 收费处');
  });

  it('writes a Date as its calendar day', () => {
    assert.equal(cleanText(new Date(Date.UTC(2026, 6, 5))), '2026-07-05');
  });

  it('gives "" for null and undefined, and text of numbers and booleans', () => {
    assert.equal(cleanText(null), '');
    assert.equal(cleanText(undefined), '');
    assert.equal(cleanText(3.5), '3.5');
    assert.equal(cleanText(true), 'true');
  });
});

describe('text: isBlank (§10: white space only is blank)', () => {
  it('is true for empty and white-space-only cells', () => {
    for (const v of [null, undefined, '', '   ', '\u3000', ' \t\n ', '\u3000 \u3000']) {
      assert.equal(isBlank(v), true, JSON.stringify(v));
    }
  });

  it('is false for any value, including 0 and false', () => {
    for (const v of [0, false, 'x', ' 0 ', new Date(0)]) assert.equal(isBlank(v), false, String(v));
  });
});

describe('text: idText (ids are strings in the output)', () => {
  it('writes whole numbers without a decimal part', () => {
    assert.equal(idText(8003), '8003');
    assert.equal(idText(8003.0), '8003');
  });

  it('keeps fractions and trims text', () => {
    assert.equal(idText(12.5), '12.5');
    assert.equal(idText('  H0101 '), 'H0101');
    assert.equal(idText('Ｈ０１'), 'H01');
    assert.equal(idText(null), '');
  });
});
