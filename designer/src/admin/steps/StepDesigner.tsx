// 简易模式: the flow as a vertical chain of typed steps (with condition and parallel branches), edited with
// cards, + buttons and a drawer. Saving compiles the steps on the server to standard BPMN with its diagram
// (POST /api/workflow-steps/compile) and saves both as the draft; check and publish then work on that BPMN
// as for any flow. A flow whose BPMN was changed in the modeler beyond what steps say is 高级: shown
// read-only here until its steps are compiled over it again.
import { Alert, Button, Empty, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { WorkflowDefinition } from '../../../../server/domain/schema-types.gen.js';
import { DEFAULT_END } from '../../../../server/domain/workflow/steps/defaults.js';
import type { Step, StepFlow, StepType } from '../../../../server/domain/workflow/steps/types.js';
import { api, ApiError, errorText, type ProblemDetail } from '../../api.js';
import EditorToolbar from '../EditorToolbar.js';
import ProblemList from '../ProblemList.js';
import type { DefinitionEditing } from '../useDefinition.js';
import StepChainView, { type ChainOps } from './StepChainView.js';
import StepDrawer from './StepDrawer.js';
import DryRunPanel from './DryRunPanel.js';
import { allSteps, insertStep, moveStep, newStep, pathOfPointer, removeStep, replaceStep, stepAt, type StepPath } from './step-tree.js';
import './steps.css';

interface Compiled {
  xml: string;
  owners: Record<string, string>;
  matches?: boolean;
}

/** 简易: the BPMN is what the steps compile to; 高级: changed in the modeler beyond them; none: no steps yet */
type Mode = 'checking' | 'simple' | 'advanced' | 'none';

export interface StepDesignerProps {
  defKey: string;
  def: DefinitionEditing<WorkflowDefinition>;
  /** the name and owner the flow editor's fields hold */
  meta: { name: string; ownerOrgId?: string } | null;
  /** FlowEditor asks before leaving 简易模式: unsaved steps are saved as the draft first (false: stay) */
  registerLeave: (guard: (() => Promise<boolean>) | null) => void;
  /** the flow editor's fields (name, owning department), shown under the toolbar */
  children?: ReactNode;
}

export default function StepDesigner({ defKey, def, meta, registerLeave, children }: StepDesignerProps) {
  const stored = def.body?.steps;
  const [flow, setFlow] = useState<StepFlow | null>(stored ?? (def.isNew ? { chain: [] } : null));
  const [mode, setMode] = useState<Mode>(stored ? 'checking' : def.isNew ? 'simple' : 'none');
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<StepPath | null>(null);
  const [owners, setOwners] = useState<Record<string, string>>({});
  const name = meta?.name || def.body?.name || defKey;

  // is the flow's BPMN still what its steps compile to?
  const xmlNow = def.body?.xml;
  useEffect(() => {
    if (!stored || xmlNow === undefined) return;
    let alive = true;
    api
      .post<Compiled>('/api/workflow-steps/compile', { key: defKey, name, steps: stored, xml: xmlNow })
      .then((r) => {
        if (!alive) return;
        setOwners(r.owners);
        setMode(r.matches === false ? 'advanced' : 'simple');
      })
      .catch(() => alive && setMode('advanced'));
    return () => {
      alive = false;
    };
    // once per loaded flow: after a save from here the BPMN is the steps' by construction
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defKey, stored === undefined]);

  const edit = useCallback((next: StepFlow) => {
    setFlow(next);
    setDirty(true);
  }, []);

  /** compile on the server; problems land in the problem list and on their cards */
  const getBody = useCallback(async (): Promise<WorkflowDefinition | null> => {
    if (!flow) return null;
    try {
      const r = await api.post<Compiled>('/api/workflow-steps/compile', { key: defKey, name, steps: flow });
      setOwners(r.owners);
      def.setProblems(null);
      return { name, ...(meta?.ownerOrgId ? { ownerOrgId: meta.ownerOrgId } : {}), xml: r.xml, steps: flow };
    } catch (e) {
      def.setProblems(e instanceof ApiError && e.details.length > 0 ? e.details : [{ code: 'steps.compile', message: errorText(e) }]);
      return null;
    }
  }, [flow, defKey, name, meta?.ownerOrgId, def]);

  // saving or publishing from here makes the BPMN the steps' again
  const toolbarDef = useMemo<DefinitionEditing<WorkflowDefinition>>(
    () => ({
      ...def,
      saveDraft: async (b) => {
        const saved = await def.saveDraft(b);
        if (saved) {
          setDirty(false);
          setMode('simple');
        }
        return saved;
      },
      publish: async (b) => {
        await def.publish(b);
        setDirty(false);
        setMode('simple');
      },
    }),
    [def],
  );

  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const getBodyRef = useRef(getBody);
  getBodyRef.current = getBody;
  useEffect(() => {
    registerLeave(async () => {
      if (!dirtyRef.current) return true;
      const b = await getBodyRef.current();
      return b !== null && (await toolbarDef.saveDraft(b));
    });
    return () => registerLeave(null);
  }, [registerLeave, toolbarDef]);

  // problems by step: a pointer into the steps, or a BPMN element traced to its step
  const problemsByStep = useMemo(() => {
    const out = new Map<string, string[]>();
    if (!flow) return out;
    const ids = new Map([...allSteps(flow)].map((s) => [s.step.id, s.path]));
    for (const p of def.problems ?? []) {
      const path = p.pointer ? pathOfPointer(p.pointer) : p.elementId ? ids.get(owners[p.elementId] ?? p.elementId) : undefined;
      if (!path) continue;
      const k = path.join('.');
      out.set(k, [...(out.get(k) ?? []), p.message]);
    }
    return out;
  }, [def.problems, flow, owners]);

  const readOnly = mode !== 'simple';
  const ops: ChainOps = {
    add: (at, index, type: StepType) => {
      if (!flow) return;
      const step = newStep(flow, type);
      edit(insertStep(flow, at, index, step));
      setSelected([...at, index]);
    },
    select: (path) => setSelected(path),
    move: (path, delta) => flow && edit(moveStep(flow, path, delta)),
    remove: (path) => {
      if (!flow) return;
      edit(removeStep(flow, path));
      setSelected(null);
    },
    problemsOf: (path) => problemsByStep.get(path.join('.')) ?? [],
    selected,
    readOnly,
  };

  const describe = (p: ProblemDetail): string | undefined => {
    if (!flow) return undefined;
    const path = p.pointer ? pathOfPointer(p.pointer) : p.elementId ? [...allSteps(flow)].find((s) => s.step.id === (owners[p.elementId!] ?? p.elementId))?.path : undefined;
    const step = path ? stepAt(flow, path) : undefined;
    return step ? `步骤“${step.name}”` : p.pointer !== undefined ? '整个流程' : undefined;
  };
  const selectProblem = (p: ProblemDetail) => {
    if (!flow) return;
    const path = p.pointer ? pathOfPointer(p.pointer) : p.elementId ? [...allSteps(flow)].find((s) => s.step.id === (owners[p.elementId!] ?? p.elementId))?.path : undefined;
    if (path) setSelected(path);
  };

  const selectedStep = flow && selected ? stepAt(flow, selected) : undefined;
  const end = { ...DEFAULT_END, ...flow?.end };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="step-designer">
      <EditorToolbar
        def={toolbarDef}
        title={`评审流程：${name}`}
        getBody={getBody}
        extra={
          <Space>
            {mode === 'simple' && <Tag color="green">简易模式</Tag>}
            {mode === 'advanced' && <Tag color="orange">高级</Tag>}
            {dirty && <Tag color="orange">未保存</Tag>}
            {mode === 'simple' && flow && <DryRunPanel defKey={defKey} name={name} flow={flow} />}
          </Space>
        }
      />
      {children}
      {mode === 'checking' && <Spin />}
      {mode === 'advanced' && flow && (
        <Alert
          type="warning"
          showIcon
          data-testid="steps-advanced"
          title="此流程已在“BPMN 高级”中修改，超出了步骤能表达的范围"
          description="请在“BPMN 高级”中继续编辑。下面是修改前的步骤；按步骤重新生成流程图会覆盖 BPMN 中的修改。"
          action={
            <Popconfirm title="按下面的步骤重新生成流程图？BPMN 中的修改将被覆盖（保存草稿后生效）" okText="重新生成" cancelText="取消" onConfirm={() => {
                setMode('simple');
                setDirty(true);
              }}>
              <Button size="small">按步骤重新生成</Button>
            </Popconfirm>
          }
        />
      )}
      {mode === 'none' && (
        <Empty description="此流程尚未用简易模式设计，只能在“BPMN 高级”中编辑">
          <Popconfirm title="从空白开始按步骤设计？保存后将替换现有的 BPMN 流程图" okText="开始设计" cancelText="取消" onConfirm={() => {
              setFlow({ chain: [] });
              setMode('simple');
              setDirty(true);
            }}>
            <Button type="primary">用简易模式重新设计</Button>
          </Popconfirm>
        </Empty>
      )}
      {flow && mode !== 'none' && mode !== 'checking' && (
        <div className="zc-steps" data-testid="step-flow">
          <div className="zc-steps-pill">提交申报</div>
          <StepChainView chain={flow.chain} at={[]} ops={ops} />
          <div className="zc-steps-pill zc-steps-pill-end">{end.name}</div>
          {flow.chain.length === 0 && <Typography.Text type="secondary">点击“+”添加第一个步骤</Typography.Text>}
        </div>
      )}
      <ProblemList problems={def.problems} onSelect={selectProblem} describe={describe} />
      <StepDrawer
        flowKey={defKey}
        step={selectedStep}
        readOnly={readOnly}
        problems={selected ? (problemsByStep.get(selected.join('.')) ?? []) : []}
        onChange={(s: Step) => flow && selected && edit(replaceStep(flow, selected, s))}
        onRemove={() => selected && ops.remove(selected)}
        onClose={() => setSelected(null)}
      />
    </Space>
  );
}

