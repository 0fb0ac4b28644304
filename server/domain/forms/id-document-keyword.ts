// The `x-id-document` keyword: the field's value {docType, number} must be a valid number of that document type.
// The error points at the number (…/number) and carries the document type's Chinese message, so the applicant
// reads it at the field; messages.ts leaves it as written (ajv-i18n would replace it with a generic sentence).
import type { Ajv, ErrorObject, SchemaValidateFunction } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import { ID_DOCUMENT_KEYWORD, idDocumentProblem } from './id-document.js';

const escapeToken = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function addIdDocumentKeyword(ajv: Ajv): Ajv {
  const validate: SchemaValidateFunction = (on: unknown, data: unknown, _parent?: unknown, cxt?: DataValidationCxt) => {
    if (on !== true) return true;
    const problem = idDocumentProblem(data);
    if (!problem) return true;
    const error: Partial<ErrorObject> = {
      keyword: ID_DOCUMENT_KEYWORD,
      instancePath: `${cxt?.instancePath ?? ''}/${escapeToken(problem.prop)}`,
      message: problem.message,
      params: { prop: problem.prop },
    };
    validate.errors = [error];
    return false;
  };
  ajv.addKeyword({ keyword: ID_DOCUMENT_KEYWORD, type: 'object', schemaType: 'boolean', errors: true, validate });
  return ajv;
}
