// Resident ID numbers (GB 11643-1999): 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check character.
import { maskDocumentNumber } from '../domain/forms/id-document.js';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** the expected check character for the first 17 digits */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** a Chinese reason the number is invalid, or null when it is valid */
export function idNumberProblem(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return '身份证号码应为 18 位（前 17 位为数字，末位为数字或 X）';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return '身份证号码中的出生日期无效';
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号码校验位不正确，请核对';
  return null;
}

/** for logs, audit records and every view: the one mask of identity-document numbers (A2: any document type) */
export function maskIdNumber(id: string): string {
  return maskDocumentNumber(id);
}
