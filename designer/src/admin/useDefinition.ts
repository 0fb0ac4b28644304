// Load / save draft / check / publish one definition through /api/definitions.
import { useCallback, useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../api.js';
import { useLoad } from '../common/useLoad.js';
import type { DefinitionDetail, DefinitionRecord } from '../types/api.js';

export interface DefinitionEditing<B> {
  detail: DefinitionDetail<B> | undefined;
  /** the draft if there is one, else the latest published version, else a fresh body */
  body: B | undefined;
  loading: boolean;
  loadError: string | null;
  isNew: boolean;
  problems: ProblemDetail[] | null;
  status: { type: 'success' | 'error' | 'info'; text: string } | null;
  busy: string | null;
  saveDraft(body: B): Promise<boolean>;
  check(body: B): Promise<void>;
  publish(body: B): Promise<void>;
  setProblems(p: ProblemDetail[] | null): void;
}

export function useDefinition<B>(kind: string, key: string, fresh: () => B): DefinitionEditing<B> {
  const base = `/api/definitions/${encodeURIComponent(kind)}/${encodeURIComponent(key)}`;
  const [isNew, setIsNew] = useState(false);
  const load = useLoad(async () => {
    try {
      setIsNew(false);
      return await api.get<DefinitionDetail<B>>(base);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setIsNew(true);
        return { latest: null, draft: null, versions: [] } as DefinitionDetail<B>;
      }
      throw e;
    }
  }, [base]);
  const [problems, setProblems] = useState<ProblemDetail[] | null>(null);
  const [status, setStatus] = useState<DefinitionEditing<B>['status']>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const detail = load.data;
  const body = detail ? (detail.draft?.body ?? detail.latest?.body ?? fresh()) : undefined;

  const saveDraft = useCallback(
    async (b: B) => {
      setBusy('save');
      try {
        const rec = await api.put<DefinitionRecord<B>>(`${base}/draft`, { body: b });
        if (detail) load.setData({ ...detail, draft: rec });
        setIsNew(false);
        setStatus({ type: 'success', text: '草稿已保存' });
        return true;
      } catch (e) {
        setStatus({ type: 'error', text: errorText(e) });
        if (e instanceof ApiError && e.details.length) setProblems(e.details);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [base, detail, load],
  );

  const check = useCallback(
    async (b: B) => {
      setBusy('check');
      try {
        const res = await api.post<{ ok: boolean; problems: ProblemDetail[] }>(`${base}/check`, { body: b });
        setProblems(res.problems);
        setStatus(res.ok ? { type: 'success', text: '校验通过，可以发布' } : { type: 'error', text: `校验发现 ${res.problems.length} 个问题` });
      } catch (e) {
        setStatus({ type: 'error', text: errorText(e) });
        if (e instanceof ApiError) setProblems(e.details);
      } finally {
        setBusy(null);
      }
    },
    [base],
  );

  const publish = useCallback(
    async (b: B) => {
      if (!(await saveDraft(b))) return;
      setBusy('publish');
      try {
        const rec = await api.post<DefinitionRecord<B>>(`${base}/publish`);
        setProblems([]);
        setStatus({ type: 'success', text: `已发布为第 ${rec.version ?? '?'} 版` });
        await load.reload();
      } catch (e) {
        setStatus({ type: 'error', text: errorText(e) });
        if (e instanceof ApiError) setProblems(e.details);
      } finally {
        setBusy(null);
      }
    },
    [base, saveDraft, load],
  );

  return { detail, body, loading: load.loading, loadError: load.error, isNew, problems, status, busy, saveDraft, check, publish, setProblems };
}
