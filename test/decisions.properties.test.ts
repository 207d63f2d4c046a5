/**
 * Property tests of the committee's decisions (rules.md §12) with fast-check: offices of two or
 * three departments whose scores often tie, and one decision on one person.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { resultJson, type ResultJson } from '../src/engine/json';
import { runSelection } from '../src/engine/select';
import type { Grid } from '../src/engine/types';

interface Office {
  /** Department index and points (0–2, so ties are common) per person; P1, P2, … in order. */
  people: { department: number; points: number; active: boolean }[];
  winnersPerDepartment: number;
}

const officeArb: fc.Arbitrary<Office> = fc.record({
  people: fc.array(fc.record({ department: fc.integer({ min: 0, max: 2 }), points: fc.integer({ min: 0, max: 2 }), active: fc.constantFrom(true, true, true, true, false) }),
    { minLength: 2, maxLength: 9 }),
  winnersPerDepartment: fc.integer({ min: 1, max: 2 }),
});

const DEPARTMENTS = ['门诊', '药房', '检验科'];
const id = (i: number) => `P${i + 1}`;

function run(office: Office, extra: { decisions?: Grid; fines?: Grid } = {}): ResultJson {
  const staff: Grid = [['工号', '姓名', '科室', '在岗状态'],
    ...office.people.map((p, i) => [id(i), `人${i + 1}`, DEPARTMENTS[p.department] as string, p.active ? '在岗' : '离岗'])];
  const inspections: Grid = [['日期', '工号', '扣分'], ...office.people.flatMap((p, i) => (p.points > 0 ? [['2026-07-15', id(i), p.points]] : []))];
  const tables = {
    staff: { sheet: '人员名单', grid: staff }, inspections: { sheet: '督导检查记录', grid: inspections },
    ...(extra.decisions ? { decisions: { sheet: '评选小组裁定', grid: extra.decisions } } : {}),
    ...(extra.fines ? { fines: { sheet: '投诉及处罚记录', grid: extra.fines } } : {}),
  };
  const out = runSelection({ period: '2026Q3', overrides: { winnersPerDepartment: office.winnersPerDepartment }, tables });
  assert.ok(out.ok);
  return resultJson(out.result);
}

const statusOf = (j: ResultJson) => new Map(j.people.map((p) => [p.id, p.status]));

describe('property: committee decisions (§12)', () => {
  it('an award never changes anyone outside its tie group; inside it the awarded win and the others become candidates', () => {
    fc.assert(fc.property(officeArb, fc.nat(), (office, pick) => {
      const who = pick % office.people.length;
      const before = run(office);
      const after = run(office, { decisions: [['期间', '工号', '裁定'], ['2026Q3', id(who), '获奖']] });
      const was = statusOf(before);
      const now = statusOf(after);
      const department = DEPARTMENTS[office.people[who]?.department ?? 0];
      const tied = was.get(id(who)) === 'tie';
      for (const p of before.people) {
        const inGroup = tied && p.department === department && was.get(p.id) === 'tie';
        if (!inGroup) assert.equal(now.get(p.id), was.get(p.id), `${p.id} outside the tie group`);
        else assert.equal(now.get(p.id), p.id === id(who) ? 'winner' : 'candidate', `${p.id} in the tie group`);
      }
      assert.equal(after.decisions[0]?.applied, tied || was.get(id(who)) === 'winner');
    }), { numRuns: 150 });
  });

  it('an exclude moves others only as §6 does when the person is vetoed; nobody in another department moves', () => {
    fc.assert(fc.property(officeArb, fc.nat(), (office, pick) => {
      const who = pick % office.people.length;
      const excluded = run(office, { decisions: [['期间', '工号', '裁定'], ['2026Q3', id(who), '不予表彰']] });
      const complained = run(office, { fines: [['日期', '工号', '类型'], ['2026-08-01', id(who), '投诉']] });
      const before = statusOf(run(office));
      const now = statusOf(excluded);
      const department = DEPARTMENTS[office.people[who]?.department ?? 0];
      for (const p of excluded.people) {
        if (p.id === id(who)) assert.equal(now.get(p.id), office.people[who]?.active ? 'vetoed' : 'inactive');
        else assert.equal(now.get(p.id), statusOf(complained).get(p.id), `${p.id} as with a one-vote veto`);
        if (p.department !== department) assert.equal(now.get(p.id), before.get(p.id), `${p.id} in another department`);
      }
      assert.deepEqual(excluded.winners.map((w) => [w.id, w.status]), complained.winners.map((w) => [w.id, w.status]));
    }), { numRuns: 150 });
  });
});
