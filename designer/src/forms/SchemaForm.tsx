// RJSF (antd theme) bound to the CSP-safe validator; server problems appear under their fields.
import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { translateZh } from './rjsf-strings.js';
import { idDocumentProblems, problemsToErrorSchema, serverSideValidator } from './validator.js';

// section titles left-aligned and without the trailing colon, as Chinese forms set them
const FORM_CONTEXT = { labelAlign: 'left', colon: false, descriptionLocation: 'tooltip' };

export interface SchemaFormProps {
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  formData: unknown;
  onChange?: (data: any) => void;
  problems?: { pointer?: string; message: string }[];
  readonly?: boolean;
  disabled?: boolean;
  id?: string;
}

export default function SchemaForm({ schema, uiSchema, formData, onChange, problems, readonly, disabled, id }: SchemaFormProps) {
  // the server's problems, and the identity-document checks the browser runs itself as the applicant types
  const extraErrors = useMemo(() => {
    const local = readonly ? [] : idDocumentProblems(schema, formData);
    const server = problems ?? [];
    const fresh = local.filter((l) => !server.some((p) => p.pointer === l.pointer && p.message === l.message));
    return problemsToErrorSchema([...server, ...fresh]);
  }, [problems, schema, formData, readonly]);
  const ui = useMemo<UiSchema>(() => ({ ...(uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } }), [uiSchema]);
  return (
    <Form
      id={id}
      schema={schema}
      uiSchema={ui}
      formData={formData}
      validator={serverSideValidator}
      onChange={(e) => onChange?.(e.formData)}
      extraErrors={extraErrors}
      showErrorList={false}
      noHtml5Validate
      readonly={readonly}
      disabled={disabled}
      className={readonly ? 'zc-readonly' : undefined}
      formContext={FORM_CONTEXT}
      translateString={translateZh}
    />
  );
}
