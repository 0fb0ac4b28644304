// The application's steps; `short` is what the phone's one-row step bar shows.
export const WIZARD_STEPS = [
  { key: 'check', title: '资格自测', short: '自测' },
  { key: 'form', title: '填写申报表', short: '填表' },
  { key: 'materials', title: '上传材料', short: '材料' },
  { key: 'pledge', title: '诚信承诺', short: '承诺' },
  { key: 'submit', title: '提交', short: '提交' },
  { key: 'progress', title: '审核进度', short: '进度' },
] as const;
