// Errors are values: domain functions return Result instead of throwing, so the
// HTTP edge can turn every refusal into the one error shape {code, message, details[]}.

/** One problem, located: a JSON pointer into a document, or a BPMN element id. */
export interface Problem {
  /** stable machine code, e.g. 'schema.required' or 'bpmn.unsupported_element' */
  code: string;
  /** Chinese message for people */
  message: string;
  /** JSON pointer (RFC 6901) of the field, when the problem is about a field */
  pointer?: string;
  /** BPMN element id, when the problem is about a diagram element */
  elementId?: string;
  /** 1-based line and column in a text the problem is about (an XML file that does not parse) */
  line?: number;
  column?: number;
  /** which definition or file the problem belongs to */
  source?: string;
}

export interface DomainError {
  code: string;
  message: string;
  details: Problem[];
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = (code: string, message: string, details: Problem[] = []): { ok: false; error: DomainError } => ({
  ok: false,
  error: { code, message, details },
});
