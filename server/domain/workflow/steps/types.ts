// The step model (简易模式) as the platform stores it: generated from schemas/workflow.schema.json, with the
// names the compiler and the designer use for its parts.
import type {
  CertificateStep,
  ConditionBranch,
  ConditionStep,
  ExpertReviewStep,
  FilingStep,
  NotifyStep,
  ParallelBranch,
  ParallelStep,
  PassStep,
  PublicityStep,
  ReviewStep,
  RosterStep,
  SendStep,
  Step,
  StepFlow,
} from '../../schema-types.gen.js';

export type {
  CertificateStep,
  ConditionBranch,
  ConditionStep,
  ExpertReviewStep,
  FilingStep,
  NotifyStep,
  ParallelBranch,
  ParallelStep,
  PassStep,
  PublicityStep,
  ReviewStep,
  RosterStep,
  SendStep,
  Step,
  StepFlow,
};

export type StepType = Step['type'];

/** steps that hold chains of their own */
export type BranchingStep = ConditionStep | ParallelStep;

export const isBranching = (s: Step): s is BranchingStep => s.type === 'condition' || s.type === 'parallel';

export type Conclusion = ReviewStep['conclusions'][number];
