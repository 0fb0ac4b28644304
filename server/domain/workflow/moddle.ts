// bpmn-moddle with our zc: extension, plus typed accessors over its untyped element tree.
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import zcDescriptor from '../../../workflows/zc-moddle.json' with { type: 'json' };

export type { ModdleElement };

export function createModdle(): BpmnModdle {
  return new BpmnModdle({ zc: zcDescriptor });
}

export function isElement(v: unknown): v is ModdleElement {
  return typeof v === 'object' && v !== null && typeof (v as { $type?: unknown }).$type === 'string';
}

export function prop(el: ModdleElement, name: string): unknown {
  return el[name];
}

export function str(el: ModdleElement, name: string): string | undefined {
  const v = el[name];
  return typeof v === 'string' ? v : undefined;
}

export function bool(el: ModdleElement, name: string): boolean | undefined {
  const v = el[name];
  return typeof v === 'boolean' ? v : undefined;
}

export function list(el: ModdleElement, name: string): ModdleElement[] {
  const v = el[name];
  return Array.isArray(v) ? v.filter(isElement) : [];
}

export function ref(el: ModdleElement, name: string): ModdleElement | undefined {
  const v = el[name];
  return isElement(v) ? v : undefined;
}

/** The typed zc:* child of bpmn:extensionElements, e.g. ext(task, 'zc:Assignment'). */
export function ext(el: ModdleElement, type: string): ModdleElement | undefined {
  const ee = ref(el, 'extensionElements');
  return ee ? list(ee, 'values').find((v) => v.$type === type) : undefined;
}

export function label(el: ModdleElement): string {
  const name = str(el, 'name');
  return name ? `“${name}”（${el.id ?? '?'}）` : `${el.id ?? '?'}`;
}
