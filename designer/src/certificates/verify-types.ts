// What the public verification endpoints answer (server/http/plugins/certificates.ts verifyAnswer).
export type VerifyStatus = '有效' | '已撤销' | '受限' | '未查询到';

export interface VerifyAnswer {
  valid: boolean;
  status?: VerifyStatus;
  message: string;
  holder?: string;
  title?: string;
  grade?: string;
  series?: string;
  committee?: string;
  approvedAt?: string;
  issuedAt?: string;
  restriction?: string;
}

/** 未查询到 when the server found nothing (an unknown number and a wrong name answer alike) */
export const statusOf = (a: VerifyAnswer): VerifyStatus => a.status ?? (a.valid ? '有效' : '未查询到');
