// The flow editor's two ways of editing one flow: 简易模式 (steps) and BPMN 高级 (the modeler).
import { Tabs } from 'antd';

export type FlowMode = 'steps' | 'bpmn';

export default function FlowModeTabs({ mode, onChange }: { mode: FlowMode; onChange: (m: FlowMode) => void }) {
  return (
    <Tabs
      activeKey={mode}
      onChange={(k) => onChange(k as FlowMode)}
      data-testid="flow-mode"
      items={[
        { key: 'steps', label: '简易模式' },
        { key: 'bpmn', label: 'BPMN 高级' },
      ]}
      style={{ marginBottom: 0 }}
    />
  );
}
