// The plain bpmn-js Viewer (no zoom on the mouse wheel), typed as ESM like the other bpmn-js shims in bpmn-io.d.ts.
declare module 'bpmn-js/lib/Viewer.js' {
  export default class Viewer {
    constructor(options?: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
    get<T = any>(name: string): T;
    destroy(): void;
  }
}
