// 流程设计: bpmn-js Modeler with the properties panel and the 职称扩展 group; save draft / check / publish,
// and every problem listed by element name, selecting its element on click. The palette, context pad and replace
// menu offer only what the engine runs (flows/modeler-modules.ts); before publishing, the applications in flight
// per version; below, the version history with a highlighted diff. A flow kept as steps opens in 简易模式
// (admin/steps/StepDesigner.tsx); the tabs switch between the two, saving the draft first when it changed.
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import Modeler from 'bpmn-js/lib/Modeler.js';
import { Alert, Button, Collapse, Form, Input, Space, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StepFlow } from '../../../server/domain/workflow/steps/types.js';
import zcModdle from '../../../workflows/zc-moddle.json' with { type: 'json' };
import { api, type ProblemDetail } from '../api.js';
import { useLoad } from '../common/useLoad.js';
import { EMPTY_CATALOG, type FlowCatalog } from '../flows/catalog.js';
import InFlightNotice from '../flows/InFlightNotice.js';
import { zcModelerModules } from '../flows/modeler-modules.js';
import OwnerSelect from '../flows/OwnerSelect.js';
import { elementName, humanizeMessage } from '../flows/problem-text.js';
import { showFlowStart } from '../flows/readable-view.js';
import VersionHistory from '../flows/VersionHistory.js';
import zcPropertiesModule from '../flows/zc-properties/index.js';
import EditorToolbar from './EditorToolbar.js';
import ProblemList from './ProblemList.js';
import FlowModeTabs, { type FlowMode } from './steps/FlowModeTabs.js';
import StepDesigner from './steps/StepDesigner.js';
import { useDefinition } from './useDefinition.js';

interface WorkflowBody {
  name: string;
  xml: string;
  ownerOrgId?: string;
  steps?: StepFlow;
}

const emptyDiagram = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zc="http://zhicheng.example/schema/bpmn/zc" id="defs-${key}" targetNamespace="http://zhicheng.example/bpmn">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" name="提交申报" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram-${key}">
    <bpmndi:BPMNPlane id="plane-${key}" bpmnElement="${key}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

export default function FlowEditor({ defKey }: { defKey: string }) {
  const def = useDefinition<WorkflowBody>('workflow', defKey, () => ({ name: defKey, xml: emptyDiagram(defKey) }));
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [meta, setMeta] = useState<{ name: string; ownerOrgId?: string } | null>(null);
  const loadedXml = def.body?.xml;
  // the dropdowns' lists (orgs, decision forms of the levels using this flow); the modeler waits for them
  const catalogLoad = useLoad(() => api.get<FlowCatalog>(`/api/workflows/${encodeURIComponent(defKey)}/catalog`).catch(() => EMPTY_CATALOG), [defKey]);
  const catalog = catalogLoad.data;
  // 简易模式 for a flow kept as steps (and a new one), the modeler otherwise, until a tab is chosen
  const [chosenMode, setChosenMode] = useState<FlowMode | null>(null);
  const mode: FlowMode = chosenMode ?? (def.body?.steps || def.isNew ? 'steps' : 'bpmn');
  const leaveSteps = useRef<(() => Promise<boolean>) | null>(null);
  const registerLeave = useCallback((guard: (() => Promise<boolean>) | null) => {
    leaveSteps.current = guard;
  }, []);

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current || loadedXml === undefined || !catalog) return;
    const modeler = new Modeler({
      container: canvasRef.current,
      propertiesPanel: { parent: panelRef.current },
      additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, zcPropertiesModule, ...zcModelerModules],
      moddleExtensions: { zc: zcModdle },
      keyboard: { bindTo: document },
      zcCatalog: catalog,
    });
    modelerRef.current = modeler;
    let alive = true;
    modeler
      .importXML(loadedXml)
      .then(({ warnings }) => {
        if (!alive) return;
        setImportError(warnings.length ? `导入时有 ${warnings.length} 条警告：${warnings.map((w: { message: string }) => w.message).join('；')}` : null);
        showFlowStart(modeler.get<any>('canvas'));
      })
      .catch((e: Error) => alive && setImportError(`流程图无法打开：${e.message}`));
    return () => {
      alive = false;
      modeler.destroy();
      modelerRef.current = null;
    };
    // reload the modeler only when another definition is opened, not after each save
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defKey, loadedXml === undefined, catalog === undefined, mode]);

  useEffect(() => {
    if (def.body && !meta) setMeta({ name: def.body.name, ownerOrgId: def.body.ownerOrgId });
  }, [def.body, meta]);

  const getBody = async (): Promise<WorkflowBody | null> => {
    const m = modelerRef.current;
    if (!m) return null;
    const { xml } = await m.saveXML({ format: true });
    const body: WorkflowBody = { name: meta?.name || defKey, xml: xml ?? '' };
    if (meta?.ownerOrgId) body.ownerOrgId = meta.ownerOrgId;
    // the steps stay with the flow: a BPMN changed beyond them shows as 高级 in 简易模式
    if (def.body?.steps) body.steps = def.body.steps;
    return body;
  };

  /** leaving a mode with unsaved changes saves them as the draft first */
  const switchMode = async (next: FlowMode) => {
    if (next === mode) return;
    if (mode === 'steps' && leaveSteps.current && !(await leaveSteps.current())) return;
    if (mode === 'bpmn' && modelerRef.current?.get<any>('commandStack').canUndo()) {
      const b = await getBody();
      if (!b || !(await def.saveDraft(b))) return;
    }
    setChosenMode(next);
  };

  const canvasMarked = useRef<string[]>([]);
  useEffect(() => {
    const m = modelerRef.current;
    if (!m) return;
    const canvas = m.get<any>('canvas');
    const registry = m.get<any>('elementRegistry');
    for (const id of canvasMarked.current) if (registry.get(id)) canvas.removeMarker(id, 'zc-flow-error');
    canvasMarked.current = (def.problems ?? []).map((p) => p.elementId).filter((id): id is string => !!id && !!registry.get(id));
    for (const id of canvasMarked.current) canvas.addMarker(id, 'zc-flow-error');
  }, [def.problems]);

  const selectProblem = (p: ProblemDetail) => {
    const m = modelerRef.current;
    if (!m || !p.elementId) return;
    const el = m.get<any>('elementRegistry').get(p.elementId);
    if (!el) return;
    m.get<any>('selection').select(el);
    m.get<any>('canvas').scrollToElement(el);
  };
  // elements by their names (未命名的用户任务 when unnamed), never by id
  const registry = () => modelerRef.current?.get<any>('elementRegistry');
  const describe = (p: ProblemDetail) => (p.elementId ? elementName(registry(), p.elementId) : undefined);
  const formatMessage = (p: ProblemDetail) => humanizeMessage(p.message, registry());

  if (def.loading && !def.body) return <Spin />;
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;

  const metaFields = (
    <>
      <Form layout="inline">
        <Form.Item label="流程名称">
          <Input value={meta?.name} onChange={(e) => setMeta({ ...(meta ?? { name: '' }), name: e.target.value })} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item label="负责部门">
          <OwnerSelect catalog={catalog ?? EMPTY_CATALOG} value={meta?.ownerOrgId} onChange={(ownerOrgId) => setMeta({ ...(meta ?? { name: defKey }), ownerOrgId })} />
        </Form.Item>
      </Form>
      {!def.isNew && <InFlightNotice defKey={defKey} refresh={def.detail?.latest?.version} />}
    </>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <FlowModeTabs mode={mode} onChange={(m) => void switchMode(m)} />
      {mode === 'steps' ? (
        <StepDesigner defKey={defKey} def={def} meta={meta} registerLeave={registerLeave}>
          {metaFields}
        </StepDesigner>
      ) : (
        <>
          <EditorToolbar
            def={def}
            title={`评审流程：${meta?.name ?? defKey}`}
            getBody={getBody}
            extra={
              <Button
                onClick={async () => {
                  const b = await getBody();
                  if (!b) return;
                  const url = URL.createObjectURL(new Blob([b.xml], { type: 'application/xml' }));
                  const a = document.createElement('a');
                  a.href = url;
                  a.download = `${defKey}.bpmn`;
                  a.click();
                  URL.revokeObjectURL(url);
                }}
              >
                导出 BPMN
              </Button>
            }
          />
          {metaFields}
          {importError && <Alert type="warning" showIcon message={importError} />}
          <div className="zc-flow">
            <div className="zc-flow-canvas" ref={canvasRef} data-testid="flow-canvas" />
            <div className="zc-flow-panel" ref={panelRef} data-testid="properties-panel" />
          </div>
          <ProblemList problems={def.problems} onSelect={selectProblem} describe={describe} formatMessage={formatMessage} />
        </>
      )}
      {def.detail && def.detail.versions.length > 0 && (
        <Collapse
          items={[
            {
              key: 'history',
              label: `版本历史与差异（已发布 ${def.detail.versions.length} 个版本）`,
              children: <VersionHistory defKey={defKey} versions={def.detail.versions} draftXml={def.detail.draft ? (def.detail.draft.body as WorkflowBody).xml : undefined} />,
            },
          ]}
        />
      )}
    </Space>
  );
}
