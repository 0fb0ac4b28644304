// The new-series wizard's pure parts (designer/src/admin/wizard/): keys derived from Chinese names, level keys as the
// seeds name them, a copied level with its series, key, title and grade rewritten and nothing shared with the source,
// and the problems that stop a step, by field.
import { describe, expect, it } from 'vitest';
import { keyFromName, keyProblem, uniqueKey } from '../../designer/src/admin/wizard/derive-key.js';
import { copyLevel, freshLevel } from '../../designer/src/admin/wizard/level-copy.js';
import { emptyWizard, levelStepProblems, seriesStepProblems, suggestLevelKey } from '../../designer/src/admin/wizard/wizard-model.js';

describe('keys from Chinese names', () => {
  it('spells the name in toneless pinyin, letters and digits only, and keeps it unique', () => {
    expect(keyFromName('档案')).toBe('dangan');
    expect(keyFromName('档案管理')).toBe('danganguanli');
    expect(keyFromName('绿色 建筑（2026）')).toBe('lvsejianzhu2026');
    expect(keyFromName('2026', 'x')).toBe('x');
    expect(uniqueKey('fugao', ['fugao', 'fugao-2'])).toBe('fugao-3');
    expect(keyProblem('Dangan')).toMatch(/小写字母/);
    expect(keyProblem('dangan', ['dangan'])).toMatch(/已被使用/);
    expect(keyProblem('dangan')).toBeNull();
  });

  it('suggests a level key by grade, as the seeds name them, and from the title when the grade is taken', () => {
    expect(suggestLevelKey({ title: '副研究馆员', grade: '副高级' }, [])).toBe('fugao');
    expect(suggestLevelKey({ title: '研究馆员', grade: '正高级' }, ['fugao'])).toBe('zhenggao');
    expect(suggestLevelKey({ title: '副研究馆员（考核认定）', grade: '副高级' }, ['fugao'])).toBe('fuyanjiuguanyuankaoherending');
  });
});

describe('a level copied for a new series', () => {
  const source = { seriesKey: 'gongcheng', levelKey: 'fugao', title: '高级工程师', grade: '副高级', rules: { paths: [{ id: 'regular', name: '正常申报', conditions: [] }] }, materials: [{ id: 'idcard' }], workflow: { key: 'league-review' }, committee: { required: true } };

  it('takes everything but series, level key, title and grade, and shares nothing with the source', () => {
    const copy = copyLevel(source, 'dangan', 'fugao', '副研究馆员', '副高级');
    expect(copy).toEqual({ ...source, seriesKey: 'dangan', levelKey: 'fugao', title: '副研究馆员', grade: '副高级' });
    expect(copy.rules).not.toBe(source.rules);
    (copy.materials as { id: string }[]).push({ id: 'x' });
    expect(source.materials).toHaveLength(1);
  });

  it('an empty level has a name field, the 正常申报 path and a flow', () => {
    expect(freshLevel('dangan', 'zhongji', '馆员', '中级')).toMatchObject({ seriesKey: 'dangan', levelKey: 'zhongji', title: '馆员', grade: '中级', rules: { paths: [{ id: 'regular' }] }, workflow: { key: 'unit-review' } });
  });
});

describe('the wizard stops at a step with its problems by field', () => {
  it('step 1: a name, a usable key no series has, and a series to copy when copying', () => {
    expect(seriesStepProblems({ ...emptyWizard(), start: 'copy' }, [])).toEqual({ name: '请填写系列名称', key: '请填写标识', copySeries: '请选择要复制的系列' });
    expect(seriesStepProblems({ ...emptyWizard(), name: '工程', key: 'gongcheng' }, ['gongcheng']).key).toMatch(/已被其他系列使用/);
    expect(seriesStepProblems({ ...emptyWizard(), name: '档案系列', key: 'dangan' }, ['gongcheng'])).toEqual({});
  });

  it('step 2: at least one level, each titled, with a key unique in the series and not an existing definition', () => {
    expect(levelStepProblems({ ...emptyWizard(), key: 'dangan' }, []).levels).toBeDefined();
    const twice = { ...emptyWizard(), key: 'dangan', levels: [{ title: '副研究馆员', grade: '副高级' as const, levelKey: 'fugao' }, { title: '', grade: '副高级' as const, levelKey: 'fugao' }] };
    expect(levelStepProblems(twice, ['dangan.fugao'])).toMatchObject({ '0.levelKey': expect.stringMatching(/已被使用|已存在/), '1.title': '请填写职称名称', '1.levelKey': expect.stringMatching(/已被使用/) });
  });
});
