// One committee's fields, all chosen from lists: series and specialties, the highest grade it reviews, its
// jurisdiction (leagues or units from the org tree), the filing (核准备案) dates, its office, its expert pool.
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, TreeSelect, Typography } from 'antd';
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ProblemDetail } from '../../api.js';
import type { OrgNode } from '../../types/api.js';
import { fieldStatus } from '../problems-at.js';
import { treeOptions } from '../orgs/org-tree-data.js';

export const GRADES = ['正高级', '副高级', '中级', '助理级', '员级'] as const;

export interface SeriesChoice {
  key: string;
  name: string;
  specialties?: { key: string; name: string }[];
}

export interface CommitteeFormValues {
  name: string;
  seriesKey: string;
  specialties?: string[];
  highestGrade: (typeof GRADES)[number];
  scopeKind: 'region' | 'regions' | 'units';
  regions?: string[];
  units?: string[];
  validFrom: Dayjs;
  validTo: Dayjs;
  number?: string;
  officeOrgId: string;
  expertPoolId?: string;
  /** F9: 社会化评审 — its certificates say 全区范围内有效 */
  socialised?: boolean;
  /** F4: 连续任职年限, 自主评审 外单位专家比例 (per cent on the form), 每次会议的评委与备选人数 */
  maxConsecutiveYears?: number;
  minExternalPercent?: number;
  sessionMembers?: number;
  sessionReserves?: number;
  /** D4: 评分表 — items fill the scoring form's fields, picked by their titles */
  scoringSheetName?: string;
  scoringItems?: { field: string; label: string; weight: number; min: number; max: number }[];
  scoringDropHighLow?: boolean;
}

export default function CommitteeForm({ form, tree, series, problems }: { form: FormInstance<CommitteeFormValues>; tree: OrgNode[]; series: SeriesChoice[]; problems: ProblemDetail[] | null }) {
  const seriesKey = Form.useWatch('seriesKey', form);
  const scopeKind = Form.useWatch('scopeKind', form);
  const specialties = series.find((s) => s.key === seriesKey)?.specialties ?? [];
  const scoringFields = useLoad(() => (seriesKey ? api.get<{ items: { field: string; title: string; min?: number; max?: number }[] }>(`/api/score-sheets/fields?seriesKey=${encodeURIComponent(seriesKey)}`) : Promise.resolve({ items: [] })), [seriesKey]);
  const fieldOptions = (scoringFields.data?.items ?? []).map((f) => ({ value: f.field, label: f.title }));
  return (
    <Form form={form} layout="vertical" data-testid="committee-form" initialValues={{ scopeKind: 'regions' }}>
      <Form.Item name="name" label="评委会名称" rules={[{ required: true, message: '请填写评委会名称' }]} {...fieldStatus(problems, '/name')}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="seriesKey" label="职称系列" rules={[{ required: true, message: '请选择职称系列' }]} {...fieldStatus(problems, '/seriesKey')}>
            <Select showSearch optionFilterProp="label" options={series.map((s) => ({ value: s.key, label: s.name }))} data-testid="committee-series" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="highestGrade" label="评审权限（最高可评审等级）" rules={[{ required: true, message: '请选择最高可评审等级' }]} {...fieldStatus(problems, '/highestGrade')}>
            <Select options={GRADES.map((g) => ({ value: g, label: g }))} data-testid="committee-grade" />
          </Form.Item>
        </Col>
      </Row>
      {specialties.length > 0 && (
        <Form.Item name="specialties" label="评审专业（不选表示全部专业）" {...fieldStatus(problems, '/specialties', true)}>
          <Select mode="multiple" options={specialties.map((s) => ({ value: s.key, label: s.name }))} />
        </Form.Item>
      )}
      <Form.Item name="scopeKind" label="评审范围">
        <Select
          options={[
            { value: 'region', label: '全区' },
            { value: 'regions', label: '指定盟市' },
            { value: 'units', label: '仅限指定单位（自主评审）' },
          ]}
          data-testid="committee-scope-kind"
        />
      </Form.Item>
      {scopeKind === 'regions' && (
        <Form.Item name="regions" label="管辖盟市（从机构树中选择）" rules={[{ required: true, message: '请选择至少一个盟市' }]} {...fieldStatus(problems, '/scope/regions', true)}>
          <TreeSelect multiple treeCheckable={false} showSearch treeNodeFilterProp="title" treeData={treeOptions(tree, (o) => o.kind === 'league')} placeholder="选择盟市" data-testid="committee-regions" />
        </Form.Item>
      )}
      {scopeKind === 'units' && (
        <Form.Item name="units" label="自主评审单位（从机构树中选择）" rules={[{ required: true, message: '请选择至少一个单位' }]} {...fieldStatus(problems, '/scope/units', true)}>
          <TreeSelect multiple showSearch treeNodeFilterProp="title" treeData={treeOptions(tree, (o) => o.kind === 'unit')} placeholder="选择单位" />
        </Form.Item>
      )}
      <Typography.Title level={5}>核准备案</Typography.Title>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="validFrom" label="备案有效期自" rules={[{ required: true, message: '请选择起始日期' }]} {...fieldStatus(problems, '/filing/validFrom')}>
            <DatePicker style={{ width: '100%' }} data-testid="committee-from" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="validTo" label="至" rules={[{ required: true, message: '请选择截止日期' }]} {...fieldStatus(problems, '/filing/validTo')}>
            <DatePicker style={{ width: '100%' }} data-testid="committee-to" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="number" label="备案文号">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="officeOrgId" label="评委会办事机构" rules={[{ required: true, message: '请选择办事机构' }]} {...fieldStatus(problems, '/officeOrgId')}>
        <TreeSelect showSearch treeNodeFilterProp="title" treeData={treeOptions(tree, (o) => o.kind === 'committeeOffice')} placeholder="选择评委会办事机构" data-testid="committee-office" />
      </Form.Item>
      <Form.Item name="socialised" valuePropName="checked" extra="经人社部门核准备案的社会化评审职称证书全区范围内有效，证书上注明" {...fieldStatus(problems, '/socialised')}>
        <Checkbox data-testid="committee-socialised">社会化评审</Checkbox>
      </Form.Item>
      <Typography.Text type="secondary">专家聘任（专家库在「评委会工作 → 专家库」中由办事机构维护）</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={6}>
          <Form.Item name="maxConsecutiveYears" label="连续任职最多年数" extra="满后次年不得聘任" {...fieldStatus(problems, '/appointment/maxConsecutiveYears')}>
            <InputNumber min={1} max={10} precision={0} placeholder="3" addonAfter="年" style={{ width: '100%' }} data-testid="committee-max-years" />
          </Form.Item>
        </Col>
        {scopeKind === 'units' && (
          <Col span={6}>
            <Form.Item name="minExternalPercent" label="外单位专家不少于" {...fieldStatus(problems, '/appointment/minExternalShare')}>
              <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: '100%' }} data-testid="committee-external-share" />
            </Form.Item>
          </Col>
        )}
        <Col span={6}>
          <Form.Item name="sessionMembers" label="每次会议评委人数" {...fieldStatus(problems, '/appointment/sessionSize', true)}>
            <InputNumber min={1} max={99} precision={0} addonAfter="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="sessionReserves" label="备选专家人数" dependencies={['sessionMembers']} rules={[({ getFieldValue }) => ({ validator: (_, v) => (v === undefined || v === null || getFieldValue('sessionMembers') ? Promise.resolve() : Promise.reject(new Error('请先填写评委人数'))) })]}>
            <InputNumber min={0} max={99} precision={0} addonAfter="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {fieldOptions.length > 0 && (
        <>
          <Typography.Text type="secondary">评分表（评审会议中每位出席专家在线填写，汇总后的平均分填入评分环节）</Typography.Text>
          <Row gutter={12} style={{ marginTop: 8 }}>
            <Col span={16}>
              <Form.Item name="scoringSheetName" label="评分表名称" {...fieldStatus(problems, '/scoringSheet/name')}>
                <Input maxLength={100} placeholder="不填写表示不使用评分表" data-testid="scoring-sheet-name" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="scoringDropHighLow" valuePropName="checked" label=" " colon={false}>
                <Checkbox>去掉一个最高分和一个最低分（不少于 5 份时）</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="scoringItems">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Row gutter={8} key={row.key} data-testid="scoring-item">
                    <Col span={6}>
                      <Form.Item name={[row.name, 'field']} label="填入评分项" rules={[{ required: true, message: '请选择评分项' }]} {...fieldStatus(problems, `/scoringSheet/items/${row.name}/field`)}>
                        <Select options={fieldOptions} placeholder="请选择" />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[row.name, 'label']} label="名称" rules={[{ required: true, message: '请填写名称' }]}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[row.name, 'weight']} label="权重" rules={[{ required: true, message: '请填写权重' }]}>
                        <InputNumber min={0} max={100} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[row.name, 'min']} label="最低分" rules={[{ required: true, message: '请填写最低分' }]}>
                        <InputNumber style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[row.name, 'max']} label="最高分" rules={[{ required: true, message: '请填写最高分' }]}>
                        <InputNumber style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item label=" " colon={false}>
                        <Button danger onClick={() => remove(row.name)}>删除</Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button onClick={() => add({ weight: 1, min: 0, max: 100 })} data-testid="scoring-item-add">添加评分项</Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </Form>
  );
}
