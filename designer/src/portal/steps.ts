export const WIZARD_STEPS = [
  { key: 'check', title: '资格自测' },
  { key: 'form', title: '填写申报表' },
  { key: 'materials', title: '上传材料' },
  { key: 'pledge', title: '诚信承诺' },
  { key: 'submit', title: '提交' },
  { key: 'progress', title: '审核进度' },
] as const;
