// The values a step model leaves out, shared by the compiler and the designer (which must not load the
// compiler: it brings the layout engine and the BPMN parser with it).
export const START_ID = 'start';
export const DEFAULT_END = { id: 'end', name: '办结' } as const;
/** 一次告知: the working days an applicant has to correct, unless the review step says otherwise */
export const DEFAULT_CORRECTION_DAYS = 5;
