// The properties panel packages ship no TypeScript types; these shims cover what the designer uses.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export function useService<T = any>(name: string): T;
}

declare module '@bpmn-io/properties-panel' {
  export const SelectEntry: unknown;
  export const TextFieldEntry: unknown;
  export const CheckboxEntry: unknown;
  export const TextAreaEntry: unknown;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
  export function isTextAreaEntryEdited(node: unknown): boolean;
}

declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
}

declare module 'bpmn-js/lib/util/ModelUtil.js' {
  export function is(element: unknown, type: string): boolean;
  export function getBusinessObject(element: unknown): any;
}

// bpmn-js ships CommonJS-flavoured typings (no "type": "module"): under NodeNext a default import of them is typed
// as the module namespace, while Vite hands over the class. These declare the surface the designer uses, as ESM.
declare module 'bpmn-js/lib/Modeler.js' {
  export default class Modeler {
    constructor(options?: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
    get<T = any>(name: string): T;
    destroy(): void;
  }
}
declare module 'bpmn-js/lib/NavigatedViewer.js' {
  export default class NavigatedViewer {
    constructor(options?: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
    get<T = any>(name: string): T;
    destroy(): void;
  }
}
// same story for antd's locale files
declare module 'antd/es/locale/zh_CN.js' {
  import type { Locale } from 'antd/es/locale/index.js';
  const locale: Locale;
  export default locale;
}
