// Compile a form JSON Schema (draft-07) once into a validator; compile errors are values.
import type { FormSchema, FormValidator } from './types.js';
import { createAjv } from './ajv.js';
import { fail, ok, type Result } from '../result.js';

export function compileForm(schema: unknown, source = 'form'): Result<FormValidator> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return fail('form.invalid_schema', '表单定义必须是 JSON 对象', [
      { code: 'form.invalid_schema', message: '表单定义必须是 JSON 对象', pointer: '', source },
    ]);
  }
  try {
    const run = createAjv().compile(schema);
    return ok({ source, schema: schema as FormSchema, run });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail('form.compile_failed', `表单定义无法编译：${detail}`, [
      { code: 'form.compile_failed', message: `表单定义无法编译：${detail}`, pointer: '', source },
    ]);
  }
}
