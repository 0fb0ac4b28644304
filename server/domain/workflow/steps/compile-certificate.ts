// 发证: the electronic certificate is issued (number and verification code; the application is certified).
import type { StepContext } from './context.js';
import type { Fragment } from './graph.js';
import type { CertificateStep } from './types.js';

export function compileCertificate(step: CertificateStep, ctx: StepContext): Fragment {
  ctx.graph.add({ kind: 'serviceTask', id: step.id, name: step.name, action: 'certificate.issue' });
  return { entry: step.id, exits: [{ from: step.id }] };
}
