// 送交 / 分类送交: the receiving office checks the application and sends it on (同意) or refuses it (不同意).
import type { StepContext } from './context.js';
import { compileDecisionTask } from './compile-review.js';
import type { Fragment } from './graph.js';
import type { SendStep } from './types.js';

export const compileSend = (step: SendStep, ctx: StepContext): Fragment => compileDecisionTask(step, ['approve', 'reject'], ctx);
