// F8: what a certificate takes from the applicant's form when the level says so (the confirmed title, the basis
// line such as 职称确认（原发证机关：…）): fields named by JSON pointer, placeholders written {/pointer}.
import { getPointer } from '../json-pointer.js';

const PLACEHOLDER = /\{(\/[^{}]*)\}/g;

/** the trimmed text at the pointer, or undefined when the field is empty or not text */
export function formText(form: unknown, pointer: string): string | undefined {
  const v = getPointer(form, pointer);
  const s = typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
  return s === '' ? undefined : s;
}

/** the pointers a basis line reads, for the publish check */
export const basisPointers = (basis: string): string[] => [...basis.matchAll(PLACEHOLDER)].map((m) => m[1]!);

/** the basis line with each {/pointer} replaced by the form's value there (empty when the field is empty) */
export const fillBasis = (basis: string, form: unknown): string => basis.replace(PLACEHOLDER, (_all, p: string) => formText(form, p) ?? '').trim();
