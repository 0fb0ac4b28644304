// The replace menu ("更改类型") lists only the element types the engine runs: every other entry bpmn-js offers
// (发送任务, 脚本任务, 调用活动, 信号事件, 非中断边界事件 …) is removed, and so are loop markers other than
// the parallel multi-instance of an expert vote.
import * as ReplaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions.js';
import { isSupportedTarget, type ElementTarget } from './supported.js';

type Entries = Record<string, unknown>;
interface Shape {
  type: string;
  businessObject?: { sourceRef?: { $type?: string } };
}

const TARGETS = new Map<string, ElementTarget>();
for (const options of Object.values(ReplaceOptions) as unknown[]) {
  if (!Array.isArray(options)) continue;
  for (const o of options as { actionName: string; target?: ElementTarget }[]) if (o.target) TARGETS.set(o.actionName, o.target);
}

/** is this replace-menu entry allowed for this element */
export function allowedReplaceEntry(element: Shape, id: string): boolean {
  if (element.type === 'bpmn:SequenceFlow') {
    // only gateways choose between flows: a default flow out of an exclusive gateway, or back to a plain one
    return (id === 'replace-with-default-flow' || id === 'replace-with-sequence-flow') && element.businessObject?.sourceRef?.$type === 'bpmn:ExclusiveGateway';
  }
  const target = TARGETS.get(id);
  return !!target && isSupportedTarget(target);
}

export default class ZcReplaceMenuFilter {
  static $inject = ['popupMenu', 'translate'];
  private translate: (s: string) => string;
  constructor(popupMenu: { registerProvider(id: string, priority: number, provider: unknown): void }, translate: (s: string) => string) {
    this.translate = translate;
    // after bpmn-js's own provider (priority 1000): updaters run in order and receive its entries
    popupMenu.registerProvider('bpmn-replace', 100, this);
  }
  getPopupMenuEntries(element: Shape) {
    return (entries: Entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => allowedReplaceEntry(element, id)));
  }
  getPopupMenuHeaderEntries(element: Shape) {
    return (entries: Entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => id === 'toggle-parallel-mi' && element.type === 'bpmn:UserTask'));
  }
  getEmptyPlaceholder() {
    return () => this.translate('No matching entries found.');
  }
}
