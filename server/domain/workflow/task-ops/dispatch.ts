// One entry for the engine (step.ts): each task operation in its own file.
import type { Result } from '../../result.js';
import type { TaskOpEvent } from '../state.js';
import type { Run } from '../step.js';
import { answerCosign } from './cosign-answer.js';
import { addCosigner } from './cosign.js';
import { returnDelegation } from './delegate-return.js';
import { delegateTask } from './delegate.js';
import { remindTask } from './remind.js';
import { returnToStep } from './return-to.js';
import { seatVote } from './seat-vote.js';
import { transferTask } from './transfer.js';
import { withdrawDecision } from './withdraw.js';

export function runTaskOp(run: Run, e: TaskOpEvent): Result<void> {
  switch (e.type) {
    case 'transferTask':
      return transferTask(run, e);
    case 'delegateTask':
      return delegateTask(run, e);
    case 'returnDelegation':
      return returnDelegation(run, e);
    case 'addCosigner':
      return addCosigner(run, e);
    case 'answerCosign':
      return answerCosign(run, e);
    case 'remindTask':
      return remindTask(run, e);
    case 'withdrawDecision':
      return withdrawDecision(run, e);
    case 'returnToStep':
      return returnToStep(run, e);
    case 'seatVote':
      return seatVote(run, e);
  }
}
