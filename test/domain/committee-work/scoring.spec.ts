import { describe, expect, it } from 'vitest';
import { aggregate, sheetProblems, type ScoringSheetDef } from '../../../server/domain/committee-work/scoring.js';

const SHEET: ScoringSheetDef = {
  name: '评分表',
  items: [
    { field: 'lectureScore', label: '讲课说课', weight: 0.4, min: 0, max: 100 },
    { field: 'interviewScore', label: '面试答辩', weight: 0.6, min: 0, max: 100 },
  ],
  dropHighLow: true,
};

describe('scoring sheets (D4)', () => {
  it('averages each item over five sheets after dropping one highest and one lowest, to 2 decimals, with the weighted total', () => {
    const s = aggregate(SHEET, [
      { lectureScore: 90, interviewScore: 70 },
      { lectureScore: 80, interviewScore: 71 },
      { lectureScore: 85, interviewScore: 72 },
      { lectureScore: 60, interviewScore: 99 },
      { lectureScore: 81, interviewScore: 50 },
    ]);
    expect(s).toEqual({ sheets: 5, dropped: true, items: { lectureScore: 82, interviewScore: 71 }, total: 75.4 });
  });

  it('keeps every score below five sheets or when the sheet does not drop, and rounds to 2 decimals', () => {
    const four = aggregate(SHEET, [{ lectureScore: 80, interviewScore: 70 }, { lectureScore: 81, interviewScore: 70 }, { lectureScore: 81, interviewScore: 70 }, { lectureScore: 90, interviewScore: 70 }]);
    expect(four).toMatchObject({ sheets: 4, dropped: false, items: { lectureScore: 83 } });
    const plain = aggregate({ ...SHEET, dropHighLow: false }, [{ lectureScore: 80, interviewScore: 70 }, { lectureScore: 80, interviewScore: 71 }, { lectureScore: 81, interviewScore: 71 }, { lectureScore: 81, interviewScore: 71 }, { lectureScore: 81, interviewScore: 71 }, { lectureScore: 81, interviewScore: 71 }]);
    expect(plain.items).toEqual({ lectureScore: 80.67, interviewScore: 70.83 });
    expect(plain.dropped).toBe(false);
  });

  it('places each problem at its item, in Chinese: out of range, not a number, missing when submitting, unknown item', () => {
    expect(sheetProblems(SHEET, { lectureScore: 101, interviewScore: 'x', other: 1 }, true)).toEqual([
      { code: 'score.unknown_item', message: '评分表中没有这一项', pointer: '/scores/other' },
      { code: 'score.out_of_range', message: '讲课说课得分须在 0 至 100 分之间', pointer: '/scores/lectureScore' },
      { code: 'score.not_number', message: '面试答辩得分须为数字', pointer: '/scores/interviewScore' },
    ]);
    expect(sheetProblems(SHEET, { lectureScore: 88 }, false)).toEqual([]);
    expect(sheetProblems(SHEET, { lectureScore: 88 }, true)).toEqual([{ code: 'score.required', message: '请填写面试答辩得分', pointer: '/scores/interviewScore' }]);
  });
});
