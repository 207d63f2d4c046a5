import { locateTable } from './layout';
import { strict as assert } from 'assert';
import type { Problem } from './messages';
import { buildRoster, isActive, matchPerson, type PersonMatch, type Roster } from './people';
import { readStaff } from './read';
import { runSelection } from './select';
import type { Grid } from './types';

const STAFF: Grid = [
  ['工号', '姓名', '科室', '在岗状态'],
  [8003, '张三', '门诊收费', '在岗'],
  ['H0102', '李 四', '门诊收费', ''],
  ['H0201', '王芳', '药房', ''],
  ['H0301', '王芳', '检验科', ''],
  ['H0302', '赵六', '检验科', '离岗'],
  ['H0401', '刘七', '药房', ''],
  ['H0402', '刘七', '药房', ''],
];

function roster(grid: Grid = STAFF): Roster {
  const warnings: Problem[] = [];
  const read = readStaff(locateTable('staff', { sheet: '人员', grid }), warnings);
  assert.deepEqual(read.errors, []);
  return read.roster;
}

function who(match: PersonMatch): string {
  switch (match.kind) {
    case 'person': return `${match.member.id}${match.mismatch ? ' (mismatch)' : ''}`;
    case 'department': return `dept:${match.department}`;
    case 'ambiguous': return `ambiguous:${match.candidates.map((m) => m.id).join(',')}`;
    default: return match.kind;
  }
}

describe('people: the roster', () => {
  it('reads ids as text, names and departments, and the departments in roster order', () => {
    const r = roster();
    assert.deepEqual(r.members.map((m) => m.id), ['8003', 'H0102', 'H0201', 'H0301', 'H0302', 'H0401', 'H0402']);
    assert.equal(r.members[1]?.name, '李 四');
    assert.deepEqual(r.departments, ['门诊收费', '药房', '检验科']);
    assert.deepEqual(r.members.map((m) => m.active), [true, true, true, true, false, true, true]);
  });

  it('one department however it is spelled (NFKC, spaces), written as it first appears', () => {
    const r = roster([['工号', '姓名', '科室'], ['A', '甲', '药房'], ['B', '乙', ' 药 房 '], ['C', '丙', '药\u3000房']]);
    assert.deepEqual(r.departments, ['药房']);
    assert.deepEqual(r.members.map((m) => m.department), ['药房', '药房', '药房']);
  });

  it('buildRoster groups same-name staff', () => {
    const r = buildRoster(roster().members);
    assert.deepEqual(r.byName.get('王芳')?.map((m) => m.id), ['H0201', 'H0301']);
    assert.deepEqual(r.byName.get('李四')?.map((m) => m.id), ['H0102']);
  });
});

describe('people: matchPerson (§1, §10)', () => {
  const r = roster();

  it('matches by id', () => {
    assert.equal(who(matchPerson(r, { id: 'H0201', name: '', department: '' })), 'H0201');
    assert.equal(who(matchPerson(r, { id: ' h0201 ', name: '', department: '' })), 'H0201');
    assert.equal(who(matchPerson(r, { id: 'Ｈ０２０１', name: '', department: '' })), 'H0201');
  });

  it('the number 8003 equals the text "8003"', () => {
    assert.equal(who(matchPerson(r, { id: '8003', name: '', department: '' })), '8003');
  });

  it('matches by name after removing white space', () => {
    assert.equal(who(matchPerson(r, { id: '', name: '张 三', department: '' })), '8003');
    assert.equal(who(matchPerson(r, { id: '', name: '李四', department: '' })), 'H0102');
    assert.equal(who(matchPerson(r, { id: '', name: '李\u3000四', department: '' })), 'H0102');
  });

  it('resolves the same name by the record\'s department', () => {
    assert.equal(who(matchPerson(r, { id: '', name: '王芳', department: '检验科' })), 'H0301');
    assert.equal(who(matchPerson(r, { id: '', name: '王芳', department: ' 药房 ' })), 'H0201');
  });

  it('is ambiguous when the department does not tell them apart', () => {
    assert.equal(who(matchPerson(r, { id: '', name: '王芳', department: '' })), 'ambiguous:H0201,H0301');
    assert.equal(who(matchPerson(r, { id: '', name: '王芳', department: '门诊收费' })), 'ambiguous:H0201,H0301');
    assert.equal(who(matchPerson(r, { id: '', name: '刘七', department: '药房' })), 'ambiguous:H0401,H0402');
  });

  it('is unknown when no one has the name', () => {
    assert.equal(who(matchPerson(r, { id: '', name: '孙八', department: '' })), 'unknownPerson');
    assert.equal(who(matchPerson(r, { id: '', name: '孙八', department: '药房' })), 'unknownPerson');
  });

  it('the id wins over a different name, with a mismatch', () => {
    assert.equal(who(matchPerson(r, { id: 'H0201', name: '张三', department: '' })), 'H0201 (mismatch)');
    assert.equal(who(matchPerson(r, { id: 'H0201', name: '王 芳', department: '' })), 'H0201');
  });

  it('an id not on the roster falls back to the name', () => {
    assert.equal(who(matchPerson(r, { id: 'X999', name: '张三', department: '' })), '8003');
    assert.equal(who(matchPerson(r, { id: 'X999', name: '王芳', department: '药房' })), 'H0201');
    assert.equal(who(matchPerson(r, { id: 'X999', name: '', department: '' })), 'unknownPerson');
    assert.equal(who(matchPerson(r, { id: 'X999', name: '孙八', department: '' })), 'unknownPerson');
  });

  it('a row with a department and no person is a department record', () => {
    assert.equal(who(matchPerson(r, { id: '', name: '', department: '药房' })), 'dept:药房');
    assert.equal(who(matchPerson(r, { id: '', name: '', department: '检验 科' })), 'dept:检验科');
  });

  it('an unknown department and an empty row', () => {
    assert.equal(who(matchPerson(r, { id: '', name: '', department: '放射科' })), 'unknownDepartment');
    assert.equal(who(matchPerson(r, { id: '', name: '', department: '' })), 'none');
  });
});

describe('people: isActive (§1)', () => {
  it('reads active words', () => {
    for (const v of ['在岗', '是', 'Y', 'y', 'TRUE', 'true', '1', 1, true, '', null, undefined, '  ']) {
      assert.equal(isActive(v), true, String(v));
    }
  });

  it('reads inactive words', () => {
    for (const v of ['离岗', '离职', '调离', '否', 'N', 'n', 'FALSE', 'false', '0', 0, false, ' 离 职 ']) {
      assert.equal(isActive(v), false, String(v));
    }
  });
});

describe('people: records naming people, through runSelection', () => {
  const fines: Grid = [
    ['投诉记录'],
    ['日期', '工号', '姓名', '科室', '类型'],
    ['2026-07-01', '', '张 三', '', '罚款'], // row 3: by name → 8003
    ['2026-07-02', 8003, '', '', '罚款'], // row 4: numeric id
    ['2026-07-03', '', '王芳', '检验科', '罚款'], // row 5: same name, department picks H0301
    ['2026-07-04', '', '王芳', '', '罚款'], // row 6: AMBIGUOUS_NAME
    ['2026-07-05', '', '孙八', '', '罚款'], // row 7: UNKNOWN_PERSON
    ['2026-07-06', 'H0201', '张三', '', '罚款'], // row 8: NAME_MISMATCH, id wins
    ['2026-07-07', 'X999', '李四', '', '罚款'], // row 9: unknown id falls back to the name
    ['2026-07-08', '', '', '药房', '罚款'], // row 10: department record
    ['2026-07-09', '', '', '放射科', '罚款'], // row 11: UNKNOWN_DEPARTMENT
    ['2026-07-10', '', '', '', '罚款'], // row 12: NO_PERSON
  ];

  it('uses, warns and rejects each row as §10 says', () => {
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: '人员', grid: STAFF }, fines: { sheet: '投诉', grid: fines } } });
    assert.ok(out.ok);
    const w = out.result.warnings.map((x) => [x.code, x.row]);
    assert.deepEqual(w, [
      ['AMBIGUOUS_NAME', 6], ['UNKNOWN_PERSON', 7], ['NAME_MISMATCH', 8], ['UNKNOWN_DEPARTMENT', 11], ['NO_PERSON', 12],
    ]);
    const r = out.result.inputs.find((x) => x.table === 'fines');
    assert.deepEqual(r && [r.rows, r.used, r.outOfPeriod, r.skippedBlank, r.rejected], [10, 6, 0, 0, 4]);
    const complaints = new Map(out.result.deductions.map((d) => [d.member?.id ?? `dept:${d.department}`, d.complaints]));
    assert.deepEqual([...complaints], [['8003', 2], ['H0102', 1], ['H0201', 1], ['dept:药房', 1], ['H0301', 1]]);
  });

  it('a record counts toward the person\'s roster department, not the record\'s', () => {
    const inspections: Grid = [
      ['日期', '工号', '科室', '扣分'],
      ['2026-07-01', 'H0201', '检验科', 3],
    ];
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: '人员', grid: STAFF }, inspections: { sheet: '检查', grid: inspections } } });
    assert.ok(out.ok);
    assert.equal(out.result.people.find((p) => p.member.id === 'H0201')?.score, 97);
    assert.deepEqual(out.result.deductions.map((d) => [d.member?.id, d.department]), [['H0201', '药房']]);
  });
});
