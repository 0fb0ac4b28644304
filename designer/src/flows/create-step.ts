// Builds the shapes of a step template (step-templates.ts): each part with its zc:* settings, laid out left to
// right and connected in order, ready for diagram-js's create tool (drag from the palette, drop on the canvas).
import type { StepTemplate, TemplatePart } from './step-templates.js';
import { zcValues } from './step-templates.js';

interface Services {
  elementFactory: any;
  bpmnFactory: any;
}

function businessObject({ bpmnFactory }: Services, part: TemplatePart): any {
  const values = zcValues(part.zc).map(([type, attrs]) => bpmnFactory.create(type, attrs));
  const attrs: Record<string, unknown> = { name: part.name };
  if (values.length) attrs.extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values });
  if (part.multiInstance) attrs.loopCharacteristics = bpmnFactory.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: false });
  return bpmnFactory.create(part.type, attrs);
}

export function createStepShapes(services: Services, template: StepTemplate): { elements: any[]; main: any } {
  const { elementFactory } = services;
  const shapes = template.parts.map((part) =>
    elementFactory.createShape({
      type: part.type,
      businessObject: businessObject(services, part),
      ...(part.timer ? { eventDefinitionType: 'bpmn:TimerEventDefinition' } : {}),
    }),
  );
  // one row, centred on the tallest shape, 50 px apart
  const mid = Math.max(...shapes.map((s: any) => s.height)) / 2;
  let x = 0;
  for (const s of shapes) {
    s.x = x;
    s.y = mid - s.height / 2;
    x += s.width + 50;
  }
  const connections = shapes.slice(1).map((target: any, i: number) => {
    const source = shapes[i];
    return elementFactory.createConnection({
      type: 'bpmn:SequenceFlow',
      source,
      target,
      waypoints: [
        { x: source.x + source.width, y: mid },
        { x: target.x, y: mid },
      ],
    });
  });
  return { elements: [...shapes, ...connections], main: shapes[0] };
}
