import { strict as assert } from 'assert';
import { messages, notCountedConsequence, TABLE_NAMES } from './messages';
import type { TableKey } from './types';

const AT = { table: 'fines' as const, sheet: '投诉记录', row: 12, column: '金额' };

describe('messages: every message names where it is, in Chinese and English', () => {
  it('puts the sheet, row and column before the text', () => {
    const p = messages.amountOutOfRange(AT, 300, 50, 200);
    assert.equal(p.code, 'AMOUNT_OUT_OF_RANGE');
    assert.deepEqual([p.table, p.sheet, p.row, p.column], ['fines', '投诉记录', 12, '金额']);
    assert.equal(p.message.zh, '投诉记录 第12行 列「金额」：金额 300 元超出 50–200 元，按所填金额计');
    assert.equal(p.message.en, '投诉记录 row 12 column "金额": amount 300 yuan is outside 50–200; used as written');
  });

  it('leaves out what it does not know', () => {
    const table = messages.missingColumn({ table: 'staff', sheet: '人员', row: null }, [{ zh: '科室', en: 'department' }]);
    assert.equal(table.message.zh, '人员：缺少列：科室');
    assert.equal(table.message.en, '人员: missing column: department');
    const run = messages.badPeriod('2026Q5');
    assert.deepEqual([run.table, run.sheet, run.row, run.column], [null, null, null, null]);
    assert.match(run.message.zh, /2026Q5/u);
    assert.match(run.message.en, /2026Q5/u);
  });

  it('has a Chinese and an English text for every message', () => {
    const all = [
      messages.badDate(AT, ''), messages.badDate(AT, '05/07/2026'), messages.badPeriodCell(AT, 'x'), messages.badNumber(AT, 'x'),
      messages.unknownPerson(AT, '孙八'), messages.ambiguousName(AT, '王芳', ['H1', 'H2']), messages.nameMismatch(AT, 'H1', '张三', '李四'),
      messages.duplicateId(AT, 'H1', [3, 5]), messages.unknownType(AT, '停车'), messages.missingId(AT), messages.missingField(AT, { zh: '姓名', en: 'name' }),
      messages.noPerson(AT), messages.noPersonOrDepartment(AT), messages.unknownDepartment(AT, '放射科'), messages.repeatedHeader(AT),
      messages.tenureUnknown(AT), messages.unknownScheme('x', ['a']), messages.badParameter('p', { zh: '错', en: 'wrong' }), messages.missingTable('praise'),
    ];
    for (const p of all) {
      assert.match(p.message.zh, /[\u4e00-\u9fff]/u, p.code);
      assert.match(p.message.en, /[a-z]{3}/u, p.code);
      if (p.sheet !== null) {
        assert.ok(p.message.zh.startsWith('投诉记录 第12行'), p.message.zh);
        assert.ok(p.message.en.startsWith('投诉记录 row 12'), p.message.en);
      }
    }
  });

  it('names every table in both languages', () => {
    assert.deepEqual(Object.keys(TABLE_NAMES), ['staff', 'inspections', 'fines', 'praise', 'satisfaction', 'recommendations', 'decisions', 'history']);
  });

  it('says what a row not counted means for its person, for every table, and without a person', () => {
    assert.deepEqual(notCountedConsequence('fines', '闫强', true), { zh: '此投诉未计入，闫强不会被一票否决', en: 'this complaint is not counted: 闫强 will not be vetoed for it' });
    assert.equal(notCountedConsequence('fines', '闫强').zh, '此罚款未计入，闫强的奖金不会因此扣减');
    assert.equal(notCountedConsequence('inspections', '').zh, '此检查记录未计入，此行所写人员不会因此扣分');
    for (const table of Object.keys(TABLE_NAMES) as TableKey[]) {
      const c = notCountedConsequence(table, '张三');
      assert.match(c.zh, /张三/u, table);
      assert.match(c.en, /张三/u, table);
    }
  });
});
