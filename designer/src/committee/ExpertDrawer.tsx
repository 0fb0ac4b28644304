// 新增/编辑专家: fields picked from lists (专业, 单位 from the org tree, 盟市, the expert's sign-in account), the years
// served on this committee as year chips (other committees' years shown beside), and the 回避申报 of an expert.
import { Alert, Button, Col, Drawer, Form, Input, Row, Select, Space, Tag, TreeSelect, Typography, App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../api.js';
import { fieldStatus } from '../admin/problems-at.js';
import type { OfficeCommittee } from './committee-context.js';
import ConflictsPanel from './ConflictsPanel.js';
import { orgTree, type ExpertInput, type ExpertRow, type PoolChoices } from './expert-types.js';

/** what the drawer sends, with the year chips always present */
export type ExpertFormValues = ExpertInput & { serviceYears: number[] };

const TITLES = ['正高级工程师', '高级工程师', '教授', '副教授', '研究员', '副研究员', '正高级教师', '高级教师'];

export default function ExpertDrawer({ open, expert, committee, choices, year, onClose, onSaved }: {
  open: boolean;
  expert: ExpertRow | null;
  committee: OfficeCommittee;
  choices: PoolChoices | undefined;
  year: number;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ExpertFormValues>();
  const [problems, setProblems] = useState<ProblemDetail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const orgs = choices?.orgs ?? [];
  const years = Array.from({ length: 16 }, (_, i) => year + 1 - i);

  // filled when the drawer opens (not after its animation: what is typed meanwhile would be lost)
  const expertId = expert?.id;
  useEffect(() => {
    if (!open) return;
    setProblems(null);
    setError(null);
    form.resetFields();
    if (expert) {
      form.setFieldsValue({
        name: expert.name,
        specialties: expert.specialties.map((s) => s.key),
        title: expert.title,
        unitName: expert.unitName,
        unitOrgId: expert.unitOrgId,
        region: expert.region,
        phone: expert.phone,
        email: expert.email,
        userId: expert.userId,
        serviceYears: expert.service.find((s) => s.committeeId === committee.id)?.years ?? [],
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, expertId]);

  const save = async () => {
    // an incomplete form: antd shows each problem at its field; the rejection is not an error of the page
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = { ...v, serviceYears: [...(v.serviceYears ?? [])].sort((a, b) => a - b) };
    for (const k of ['unitOrgId', 'region', 'phone', 'email', 'userId'] as const) if (!body[k]) delete body[k];
    setSaving(true);
    try {
      const base = `/api/committees/${encodeURIComponent(committee.id)}/experts`;
      if (expert) await api.put(`${base}/${encodeURIComponent(expert.id)}`, { ...body, version: expert.version });
      else await api.post(base, body);
      message.success('已保存');
      await onSaved();
      onClose();
    } catch (e) {
      setError(errorText(e));
      setProblems(e instanceof ApiError ? e.details : null);
    } finally {
      setSaving(false);
    }
  };

  const otherYears = (expert?.service ?? []).filter((s) => s.committeeId !== committee.id);
  return (
    <Drawer
      width={760}
      open={open}
      title={expert ? `编辑专家「${expert.name}」` : '新增专家'}
      forceRender
      // Escape closes a select's dropdown here, never the drawer with what was typed
      keyboard={false}
      onClose={onClose}
      extra={<Button type="primary" loading={saving} onClick={() => void save()} data-testid="expert-save">保存</Button>}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="expert-error" />}
      {expert?.appointment && <Alert type="warning" showIcon message={expert.appointment} style={{ marginBottom: 12 }} data-testid="expert-f4" />}
      <Form form={form} layout="vertical" data-testid="expert-form" initialValues={{ serviceYears: [] }}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]} {...fieldStatus(problems, '/name')}>
              <Input maxLength={50} data-testid="expert-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="title" label="职称" rules={[{ required: true, whitespace: true, message: '请填写职称' }]} {...fieldStatus(problems, '/title')}>
              <Select showSearch mode={undefined} options={TITLES.map((t) => ({ value: t, label: t }))} data-testid="expert-title" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="specialties" label="评审专业" rules={[{ required: true, message: '请选择至少一个专业' }]} {...fieldStatus(problems, '/specialties', true)}>
              <Select mode="multiple" options={(choices?.specialties ?? []).map((s) => ({ value: s.key, label: s.name }))} data-testid="expert-specialties" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="unitOrgId" label="工作单位（从机构树中选择；不在树中的单位可直接填写名称）" {...fieldStatus(problems, '/unitOrgId')}>
              <TreeSelect
                allowClear
                showSearch
                treeNodeFilterProp="title"
                treeData={orgTree(orgs, (k) => k === 'unit')}
                onChange={(id?: string) => {
                  const o = orgs.find((x) => x.id === id);
                  if (o) form.setFieldValue('unitName', o.name);
                }}
                data-testid="expert-unit-org"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitName" label="工作单位名称" rules={[{ required: true, whitespace: true, message: '请填写工作单位' }]} {...fieldStatus(problems, '/unitName')}>
              <Input maxLength={100} data-testid="expert-unit-name" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="region" label="所在盟市" {...fieldStatus(problems, '/region')}>
              <Select allowClear showSearch optionFilterProp="label" options={orgs.filter((o) => o.kind === 'league').map((o) => ({ value: o.id, label: o.name }))} data-testid="expert-region" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label="手机" rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '请填写正确的电话号码' }]} {...fieldStatus(problems, '/phone')}>
              <Input maxLength={20} data-testid="expert-phone" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '请填写正确的邮箱' }]} {...fieldStatus(problems, '/email')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="userId" label="网上评审登录账号（本评委会的评审专家账号）" {...fieldStatus(problems, '/userId')}>
          <Select allowClear showSearch optionFilterProp="label" options={(choices?.accounts ?? []).map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item name="serviceYears" label="在本评委会担任评审专家的年度" extra={`连续 ${committee.appointment.maxConsecutiveYears ?? 3} 年后，次年不得聘任`} {...fieldStatus(problems, '/serviceYears', true)}>
          <Select mode="multiple" placeholder="选择年度" options={years.map((y) => ({ value: y, label: `${y} 年` }))} data-testid="expert-years" />
        </Form.Item>
        {otherYears.length > 0 && (
          <Space direction="vertical" style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">在其他评委会的任职年度</Typography.Text>
            {otherYears.map((s) => (
              <div key={s.committeeId}>
                <Typography.Text>{s.committeeName}：</Typography.Text>
                {s.years.map((y) => <Tag key={y}>{y} 年</Tag>)}
              </div>
            ))}
          </Space>
        )}
      </Form>
      {expert && <ConflictsPanel committeeId={committee.id} expert={expert} orgs={orgs} onChanged={onSaved} />}
    </Drawer>
  );
}
