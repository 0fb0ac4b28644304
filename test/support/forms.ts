// Complete 评审表 that pass the seeded levels' rules: the conformance scenarios and the bench's fill tool submit
// them (plain data, no vitest, so a bench run can import it).
type Json = Record<string, unknown>;

/** a complete 评审表 for a senior applicant; scenarios override what they test */
export function seniorForm(over: Json = {}): Json {
  return {
    name: '测试申报人',
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
  };
}

export const teacherForm = (over: Json = {}): Json =>
  seniorForm({ education: { degree: '本科', school: '内蒙古师范大学', major: '数学', graduationDate: '2008-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '一级教师', since: '2015-09-01' }, teaching: { subject: '数学', stage: '高中' }, ruralServiceYears: 1, ...over });
