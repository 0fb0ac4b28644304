// 资格自测, then create the draft: the applicant fills the level's form, asks the rules "may I apply, and how?",
// and starts an application carrying what they typed.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, Breadcrumb, Button, Card, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText } from '../api.js';
import EligibilityView from '../common/EligibilityView.js';
import { href, navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import SchemaForm from '../forms/SchemaForm.js';
import type { Application, CampaignItem, EligibilityResult, LevelDef } from '../types/api.js';
import { WIZARD_STEPS } from './steps.js';
import WizardSteps from './WizardSteps.js';

export default function NewApplication({ campaignKey, levelKey }: { campaignKey: string; levelKey: string }) {
  const level = useLoad(() => api.get<LevelDef>(`/api/levels/${encodeURIComponent(levelKey)}`), [levelKey]);
  const campaigns = useLoad(() => api.get<{ items: CampaignItem[] }>('/api/campaigns'), []);
  const [form, setForm] = useState<Record<string, unknown>>({});
  const [result, setResult] = useState<EligibilityResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'create' | null>(null);
  const campaign = campaigns.data?.items.find((c) => c.key === campaignKey);

  if (!levelKey) return <Result status="warning" title="请先在首页选择职称系列和层级" extra={<a href={href('/')}>返回首页</a>} />;
  if (level.loading) return <Spin />;
  if (level.error || !level.data) return <Alert type="error" showIcon message={level.error ?? '层级定义不存在'} />;
  const def = level.data;

  const check = async () => {
    setBusy('check');
    setError(null);
    try {
      setResult(await api.post<EligibilityResult>('/api/eligibility', { levelKey, campaignId: campaignKey, form }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const create = async () => {
    setBusy('create');
    setError(null);
    try {
      const app = await api.post<Application>('/api/applications', { campaignId: campaignKey, levelKey });
      // what the server filled in (name, ID number from the account) stays unless the applicant typed otherwise
      if (Object.keys(form).length > 0) await api.put(`/api/applications/${app.id}/form`, { form: { ...(app.form ?? {}), ...form }, version: app.version });
      navigate(`/apply/${app.id}?step=form`);
    } catch (e) {
      const more = e instanceof ApiError && e.details.length ? `：${e.details.map((d) => d.message).join('；')}` : '';
      setError(errorText(e) + more);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <a href={href('/')}>申报</a> }, { title: `${def.grade}（${def.title}）资格自测` }]} />
      <WizardSteps current={0} items={WIZARD_STEPS.map((s) => ({ title: s.title }))} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {campaign?.name ?? campaignKey} · 申报{def.grade}（{def.title}）
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="填写申报信息（自测用，创建申报后自动带入申报表）">
            <SchemaForm schema={def.form as RJSFSchema} uiSchema={def.uiSchema as UiSchema} formData={form} onChange={setForm} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title="资格自测：我能否申报、按哪种途径申报？"
            extra={
              <Button onClick={check} loading={busy === 'check'} data-testid="eligibility-check">
                开始自测
              </Button>
            }
          >
            <Typography.Paragraph type="secondary">
              可选申报途径：{def.paths.map((p) => p.name).join('、') || '（未配置）'}
            </Typography.Paragraph>
            {result ? <EligibilityView result={result} /> : <Typography.Text type="secondary">填写左侧信息后点击“开始自测”。</Typography.Text>}
            <div style={{ marginTop: 16 }}>
              <Button type="primary" onClick={create} loading={busy === 'create'} disabled={!campaignKey} data-testid="create-application">
                创建申报
              </Button>
            </div>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
