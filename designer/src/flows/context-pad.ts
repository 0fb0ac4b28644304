// The context pad appends only what the engine runs: 用户任务 and 服务任务 instead of bpmn-js's plain Task,
// a 定时事件 instead of the generic intermediate event; compensation, signal, conditional and receive-task entries
// are removed. Connect, change type (filtered by replace-menu.ts), delete and text annotations stay.
type Entries = Record<string, unknown>;

const KEEP = new Set(['delete', 'connect', 'replace', 'append.end-event', 'append.gateway', 'append.text-annotation', 'append.timer-intermediate-event', 'append.message-intermediate-event']);

export default class ZcContextPadProvider {
  static $inject = ['contextPad', 'create', 'elementFactory', 'translate', 'injector'];
  private autoPlace: any;
  constructor(
    contextPad: { registerProvider(priority: number, provider: unknown): void },
    private create: any,
    private elementFactory: any,
    private translate: (s: string) => string,
    injector: { get(name: string, strict: boolean): unknown },
  ) {
    this.autoPlace = injector.get('autoPlace', false);
    contextPad.registerProvider(100, this);
  }

  private append(type: string, className: string, title: string, options: Record<string, unknown> = {}) {
    const shape = () => this.elementFactory.createShape({ type, ...options });
    const start = (event: Event, element: unknown) => this.create.start(event, shape(), { source: element });
    const click = this.autoPlace ? (_: Event, element: unknown) => this.autoPlace.append(element, shape()) : start;
    return { group: 'model', className, title, action: { dragstart: start, click } };
  }

  getContextPadEntries(element: { type: string }) {
    const t = this.translate;
    return (entries: Entries) => {
      const kept = Object.fromEntries(Object.entries(entries).filter(([id]) => KEEP.has(id)));
      // the generic "append intermediate/boundary event" becomes a timer
      if ('append.intermediate-event' in entries && !('append.timer-intermediate-event' in kept)) {
        kept['append.timer-intermediate-event'] = this.append('bpmn:IntermediateCatchEvent', 'bpmn-icon-intermediate-event-catch-timer', t('Append timer intermediate catch event'), {
          eventDefinitionType: 'bpmn:TimerEventDefinition',
        });
      }
      if ('append.append-task' in entries) {
        kept['append.user-task'] = this.append('bpmn:UserTask', 'bpmn-icon-user-task', t('Append user task'));
        kept['append.service-task'] = this.append('bpmn:ServiceTask', 'bpmn-icon-service-task', t('Append service task'));
      }
      // connecting is how a flow is drawn; on the end of a flow there is nothing to append
      if (element.type === 'bpmn:EndEvent') for (const id of Object.keys(kept)) if (id.startsWith('append.') && id !== 'append.text-annotation') delete kept[id];
      return kept;
    };
  }
}
