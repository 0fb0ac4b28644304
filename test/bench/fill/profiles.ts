// What the fill's applicants apply for: seeded levels of several series with a 评审表 that passes the level's rules
// (the forms the conformance specs submit). Which units each one fits is found by the probe, not assumed here.
type Json = Record<string, unknown>;

export interface Profile {
  levelKey: string;
  form: (name: string) => Json;
}

const senior = (over: Json = {}): Json => ({
  gender: '男',
  ethnicity: '蒙古族',
  idNumber: '150102198503150012',
  birthDate: '1985-03-15',
  specialty: 'jianshe',
  workStartDate: '2008-07-01',
  education: { degree: '本科', school: '内蒙古工业大学', major: '土木工程', graduationDate: '2008-07-01', fullTime: true },
  currentTitle: { grade: '中级', name: '工程师', since: '2015-09-01', approvedBy: '呼和浩特市人力资源和社会保障局' },
  workHistory: [{ from: '2008-07-01', unit: '某单位', work: '专业技术工作', post: '技术员' }],
  achievements: [{ date: '2019-05-01', project: '某项目', role: '主持', result: '自治区科技进步三等奖', sinceCurrentTitle: true }],
  papers: [{ date: '2020-03-01', title: '某设计文件', kind: '设计文件', representative: true }],
  continuingEducationHours: 120,
  withinPostVacancy: true,
  ...over,
});

const EXAM = { qualificationExam: { passed: true, score: 66, passLine: 60, validUntil: '2030-12-31' } };

const teacher = (over: Json = {}): Json =>
  senior({
    education: { degree: '本科', school: '内蒙古师范大学', major: '数学', graduationDate: '2008-07-01', fullTime: true },
    currentTitle: { grade: '中级', name: '一级教师', since: '2015-09-01' },
    teaching: { subject: '数学', stage: '高中' },
    ruralServiceYears: 1,
    ...over,
  });

const engineer = (): Json => ({
  gender: '男',
  idNumber: '11010519491231002X',
  birthDate: '1990-03-01',
  specialty: 'jianshe',
  education: { degree: '本科', school: '内蒙古工业大学', major: '土木工程', graduationDate: '2012-07-01', fullTime: true },
  currentTitle: { grade: '助理级', name: '助理工程师', since: '2016-09-01' },
  workHistory: [{ from: '2012-07-01', unit: '呼和浩特市建筑设计研究院', post: '结构设计' }],
});

export const PROFILES: readonly Profile[] = [
  { levelKey: 'gongcheng.fugao', form: (name) => ({ name, ...senior() }) },
  { levelKey: 'gongcheng.fugao', form: (name) => ({ name, ...senior({ specialty: 'jixie' }) }) },
  { levelKey: 'gongcheng.fugao', form: (name) => ({ name, ...senior({ specialty: 'shuili' }) }) },
  { levelKey: 'gongcheng.zhongji', form: (name) => ({ name, ...engineer() }) },
  { levelKey: 'zhongxiaoxue.gaoji', form: (name) => ({ name, ...teacher() }) },
  { levelKey: 'weisheng.fugao', form: (name) => ({ name, ...senior({ specialty: 'linchuang', ruralServiceYears: 2, ...EXAM }) }) },
  { levelKey: 'nongye.zhongji', form: (name) => ({ name, ...senior({ specialty: 'xumu', currentTitle: { grade: '无', since: '2019-07-01' }, townshipYears: 2, continuingEducationHours: 0 }) }) },
  { levelKey: 'jingji.gaoji', form: (name) => ({ name, ...senior({ specialty: 'jinrong', ...EXAM }) }) },
];
