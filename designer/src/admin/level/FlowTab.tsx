// 评审流程与评委会: the review flow picked by its name (and, for some application channels, another flow),
// whether a committee reviews this level, and which form field names the specialty a committee is chosen by.
import { Alert, Button, Card, Form, Radio, Select, Space, Typography } from 'antd';
import type { ProblemDetail } from '../../api.js';
import { fieldStatus } from '../problems-at.js';
import { CHANNEL_LABELS, channelLabel, specialtyFieldOptions, token, type LevelBody } from './level-model.js';
import { useFlowChoices, type FlowChoice } from './useLevelChoices.js';
import CertificateCard from './CertificateCard.js';

export interface FlowTabProps {
  body: LevelBody;
  patch: (p: Partial<LevelBody>) => void;
  problems: ProblemDetail[] | null;
}

type Workflow = NonNullable<LevelBody['workflow']>;
type Committee = NonNullable<LevelBody['committee']>;

function flowOptions(flows: readonly FlowChoice[], current: string | undefined) {
  const out = flows.map((f) => ({ value: f.key, label: f.published ? f.name : `${f.name}（未发布）` }));
  if (current && !flows.some((f) => f.key === current)) out.push({ value: current, label: `${current}（没有这个流程）` });
  return out;
}

export default function FlowTab({ body, patch, problems }: FlowTabProps) {
  const flows = useFlowChoices();
  const list = flows.data ?? [];
  const workflow: Workflow = body.workflow ?? { key: '' };
  const byChannel = Object.entries(workflow.byChannel ?? {});
  const setWorkflow = (w: Workflow) => patch({ workflow: w });
  const setChannels = (entries: [string, string][]) => {
    const { byChannel: _drop, ...rest } = workflow;
    setWorkflow(entries.length ? { ...rest, byChannel: Object.fromEntries(entries) } : rest);
  };
  const freeChannels = Object.keys(CHANNEL_LABELS).filter((c) => !byChannel.some(([k]) => k === c));

  const committee: Committee | undefined = body.committee;
  const needsCommittee = committee?.required !== false;
  const setCommittee = (c: Committee) => patch({ committee: c });
  const fields = specialtyFieldOptions(body.form, body.uiSchema);
  const specialty = committee?.specialtyField;
  const fieldOptions = specialty && !fields.some((f) => f.value === specialty) ? [...fields, { value: specialty, label: `${specialty}（表单中没有此字段）` }] : fields;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {flows.error && <Alert type="error" showIcon message={`流程列表读取失败：${flows.error}`} />}
      <Card size="small" title="评审流程" data-testid="level-flow">
        <Form layout="vertical" component="div" style={{ maxWidth: 720 }}>
          <Form.Item label="默认评审流程" {...fieldStatus(problems, '/workflow/key')} data-pointer="/workflow/key">
            <Select
              data-testid="level-workflow"
              showSearch
              optionFilterProp="label"
              loading={flows.loading}
              value={workflow.key || undefined}
              placeholder="选择评审流程"
              options={flowOptions(list, workflow.key)}
              onChange={(key: string) => setWorkflow({ ...workflow, key })}
            />
          </Form.Item>
          <Typography.Text type="secondary">按申报渠道另选流程（不设置则都走默认流程）：</Typography.Text>
          {byChannel.map(([channel, key], i) => (
            <Form.Item key={channel} label={channelLabel(channel)} {...fieldStatus(problems, `/workflow/byChannel/${token(channel)}`)} data-pointer={`/workflow/byChannel/${token(channel)}`}>
              <Space.Compact style={{ width: '100%' }}>
                <Select
                  data-testid="level-channel-workflow"
                  style={{ width: '100%' }}
                  showSearch
                  optionFilterProp="label"
                  value={key || undefined}
                  options={flowOptions(list, key)}
                  onChange={(k: string) => setChannels(byChannel.map((e, j): [string, string] => (j === i ? [channel, k] : e)))}
                />
                <Button danger onClick={() => setChannels(byChannel.filter((_, j) => j !== i))}>
                  删除
                </Button>
              </Space.Compact>
            </Form.Item>
          ))}
          {freeChannels.length > 0 && (
            <Select
              data-testid="add-channel"
              style={{ width: 320, marginTop: 8 }}
              placeholder="+ 为申报渠道另选流程"
              value={null}
              options={freeChannels.map((c) => ({ value: c, label: channelLabel(c) }))}
              onChange={(c: string) => setChannels([...byChannel, [c, workflow.key]])}
            />
          )}
        </Form>
      </Card>
      <Card size="small" title="评委会" data-testid="level-committee">
        <Form layout="vertical" component="div" style={{ maxWidth: 720 }}>
          <Form.Item label="评审方式" {...fieldStatus(problems, '/committee')} data-pointer="/committee">
            <Radio.Group
              data-testid="committee-required"
              value={needsCommittee}
              onChange={(e) => setCommittee({ ...(committee ?? {}), required: e.target.value as boolean })}
              options={[
                { value: true, label: '由评委会评审（按系列和级别找有评审权的评委会）' },
                { value: false, label: '考核认定，无需评委会' },
              ]}
            />
          </Form.Item>
          {needsCommittee && (
            <Form.Item
              label="按哪个字段的专业选择评委会"
              extra="不选时按系列和级别选择评委会"
              {...fieldStatus(problems, '/committee/specialtyField')}
              data-pointer="/committee/specialtyField"
            >
              <Select
                data-testid="committee-specialty"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="不按专业区分"
                value={specialty}
                options={fieldOptions}
                onChange={(v: string | undefined) => {
                  const { specialtyField: _drop, ...rest } = committee ?? {};
                  setCommittee(v ? { ...rest, specialtyField: v } : rest);
                }}
              />
            </Form.Item>
          )}
        </Form>
      </Card>
      <CertificateCard body={body} patch={patch} problems={problems} />
    </Space>
  );
}
