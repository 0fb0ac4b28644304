// 我的申报 and the inbox name a level by its title, never its key (issue 13 item 1).
import { describe, expect, it } from 'vitest';
import { levelTitle, seriesName } from '../../designer/src/common/level-name.js';
import type { SeriesItem } from '../../designer/src/types/api.js';

const series: SeriesItem[] = [{ key: 'gongcheng', name: '工程技术人员', levels: [{ levelKey: 'fugao', grade: '副高级', title: '高级工程师', definition: 'gongcheng.fugao' }] }];

describe('level and series names', () => {
  it('a definition key is shown as the level title and the series name', () => {
    expect(levelTitle(series, 'gongcheng.fugao')).toBe('高级工程师');
    expect(seriesName(series, 'gongcheng')).toBe('工程技术人员');
  });
  it('an unknown or not yet loaded key shows a dash or nothing, never the key', () => {
    expect(levelTitle(series, 'gongcheng.nope')).toBe('—');
    expect(levelTitle(undefined, 'gongcheng.fugao')).toBe('—');
    expect(levelTitle(series, undefined)).toBe('');
    expect(seriesName(series, 'x')).toBe('—');
  });
});
