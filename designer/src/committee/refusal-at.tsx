// The session tabs' changes: run one, then say it is done — or keep the refusal, with its problems shown at the
// items they concern (by pointer; '' for the refusal as a whole).
import { Typography, App as AntApp } from 'antd';
import { useState } from 'react';
import { ApiError, errorText, type ProblemDetail } from '../api.js';

export interface Refusal {
  all: string;
  at: Record<string, string[]>;
}

function byPointer(e: unknown): Refusal {
  const at: Record<string, string[]> = {};
  const details: ProblemDetail[] = e instanceof ApiError ? e.details : [];
  for (const d of details) (at[d.pointer ?? ''] ??= []).push(d.message);
  return { all: errorText(e), at };
}

export function useRefusalAt() {
  const { message } = AntApp.useApp();
  const [problems, setProblems] = useState<Refusal | null>(null);
  /** `apply` takes the server's answer; false when the change was refused */
  const run = async <T,>(what: () => Promise<T>, apply: (answer: T) => void, done: string): Promise<boolean> => {
    try {
      apply(await what());
      setProblems(null);
      message.success(done);
      return true;
    } catch (e) {
      setProblems(byPointer(e));
      return false;
    }
  };
  const here = (pointer: string) => problems?.at[pointer]?.map((m) => <Typography.Text key={m} type="danger" style={{ display: 'block' }}>{m}</Typography.Text>);
  return { problems, run, here };
}
