// The palette offers only what the engine runs — 开始、结束、用户任务、服务任务、排他网关、并行网关、定时事件 —
// and the step templates (审核、公示、花名册公示、送交、专家评审、结果公示、核准备案、发证、通知); bpmn-js's plain
// Task, generic intermediate event, sub-process, pool, group and data objects are removed.
import { createStepShapes } from './create-step.js';
import { STEP_TEMPLATES } from './step-templates.js';

type Entries = Record<string, unknown>;

/** bpmn-js entries kept as they are (tools and the elements that are already supported) */
const KEEP = new Set(['hand-tool', 'lasso-tool', 'space-tool', 'global-connect-tool', 'tool-separator', 'create.start-event', 'create.end-event', 'create.exclusive-gateway']);

export default class ZcPaletteProvider {
  static $inject = ['palette', 'create', 'elementFactory', 'bpmnFactory', 'translate'];
  constructor(
    palette: { registerProvider(priority: number, provider: unknown): void },
    private create: any,
    private elementFactory: any,
    private bpmnFactory: any,
    private translate: (s: string) => string,
  ) {
    // below bpmn-js's provider (1000), so the updater sees its entries
    palette.registerProvider(100, this);
  }

  private shape(type: string, title: string, className: string, options: Record<string, unknown> = {}) {
    const start = (event: Event) => this.create.start(event, this.elementFactory.createShape({ type, ...options }));
    return { group: type.includes('Gateway') ? 'gateway' : type.includes('Event') ? 'event' : 'activity', className, title, action: { dragstart: start, click: start } };
  }

  getPaletteEntries() {
    const t = this.translate;
    const added: Entries = {
      'create.user-task': this.shape('bpmn:UserTask', t('Create user task'), 'bpmn-icon-user-task'),
      'create.service-task': this.shape('bpmn:ServiceTask', t('Create service task'), 'bpmn-icon-service-task'),
      'create.parallel-gateway': this.shape('bpmn:ParallelGateway', t('Create parallel gateway'), 'bpmn-icon-gateway-parallel'),
      'create.timer-event': this.shape('bpmn:IntermediateCatchEvent', t('Create timer intermediate catch event'), 'bpmn-icon-intermediate-event-catch-timer', {
        eventDefinitionType: 'bpmn:TimerEventDefinition',
      }),
      'zc-templates-separator': { group: 'zc-templates', separator: true },
    };
    for (const template of STEP_TEMPLATES) {
      const start = (event: Event) => {
        const { elements, main } = createStepShapes({ elementFactory: this.elementFactory, bpmnFactory: this.bpmnFactory }, template);
        this.create.start(event, elements, { hints: { autoSelect: [main] } });
      };
      added[`zc-template.${template.id}`] = {
        group: 'zc-templates',
        html: `<div class="entry zc-template-entry" draggable="true">${template.label}</div>`,
        title: `步骤模板 · ${template.description}`,
        action: { dragstart: start, click: start },
      };
    }
    return (entries: Entries) => ({ ...Object.fromEntries(Object.entries(entries).filter(([id]) => KEEP.has(id))), ...added });
  }
}
