// What the fill's applicants apply for: seeded levels of several series with a 评审表 that passes the level's rules
// (the forms the conformance specs submit). Which units each one fits is found by the probe, not assumed here.
import { seniorForm, teacherForm } from '../../support/forms.js';
import { engineerForm } from '../../support/engineer.js';

type Json = Record<string, unknown>;

export interface Profile {
  levelKey: string;
  form: (name: string) => Json;
}

const EXAM = { qualificationExam: { passed: true, score: 66, passLine: 60, validUntil: '2030-12-31' } };

export const PROFILES: readonly Profile[] = [
  { levelKey: 'gongcheng.fugao', form: (name) => seniorForm({ name }) },
  { levelKey: 'gongcheng.fugao', form: (name) => seniorForm({ name, specialty: 'jixie' }) },
  { levelKey: 'gongcheng.fugao', form: (name) => seniorForm({ name, specialty: 'shuili' }) },
  { levelKey: 'gongcheng.zhongji', form: (name) => engineerForm(name) },
  { levelKey: 'zhongxiaoxue.gaoji', form: (name) => teacherForm({ name }) },
  { levelKey: 'weisheng.fugao', form: (name) => seniorForm({ name, specialty: 'linchuang', ruralServiceYears: 2, ...EXAM }) },
  { levelKey: 'nongye.zhongji', form: (name) => seniorForm({ name, specialty: 'xumu', currentTitle: { grade: '无', since: '2019-07-01' }, townshipYears: 2, continuingEducationHours: 0 }) },
  { levelKey: 'jingji.gaoji', form: (name) => seniorForm({ name, specialty: 'jinrong', ...EXAM }) },
];
