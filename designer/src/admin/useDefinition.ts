// Load / save draft / check / publish one definition through /api/definitions.
// Every save names the draft (or version) the editor started from: when a colleague saved a newer draft meanwhile,
// the server refuses (409) and the editor shows who and when, with 载入对方的草稿 — the refused edit is kept aside
// in this browser (sessionStorage) so the reload loses nothing and it can be copied back.
import { useCallback, useEffect, useState } from 'react';
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
  /** a save or publish refused because someone else saved a newer draft: their who/when, and the refused edit */
  conflict: DraftConflict<B> | null;
  /** the edit refused before 载入对方的草稿 reloaded the page, kept so it can be copied back */
  setAside: SetAsideEdit<B> | null;
  /** reload the page with the stored draft (the refused edit is set aside first) */
  loadTheirs(): void;
  /** save the refused edit over the newer draft, knowingly */
  overwrite(): Promise<void>;
  dismissConflict(): void;
  discardSetAside(): void;
  saveDraft(body: B): Promise<boolean>;
  check(body: B): Promise<void>;
  publish(body: B): Promise<void>;
  setProblems(p: ProblemDetail[] | null): void;
}

export interface DraftConflict<B> {
  message: string;
  mine: B;
  /** the hash stored now, for 覆盖 */
  theirs: string | null;
}
export interface SetAsideEdit<B> {
  body: B;
  at: string;
  message: string;
}

const CONFLICT = 'definition.draft_conflict';
const asideKey = (kind: string, key: string) => `zc-set-aside:${kind}/${key}`;

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
  // what this editor started from: the draft, else the latest version, else nothing (a new definition)
  const baseHash = detail ? (detail.draft?.hash ?? detail.latest?.hash ?? null) : undefined;
  const [conflict, setConflict] = useState<DraftConflict<B> | null>(null);
  const [setAside, setSetAside] = useState<SetAsideEdit<B> | null>(null);
  useEffect(() => {
    const kept = sessionStorage.getItem(asideKey(kind, key));
    setSetAside(kept ? (JSON.parse(kept) as SetAsideEdit<B>) : null);
  }, [kind, key]);

  /** the stored draft's hash now, read again after a refusal */
  const storedHash = useCallback(async () => {
    const now = await api.get<DefinitionDetail<B>>(base).catch(() => null);
    return now ? (now.draft?.hash ?? now.latest?.hash ?? null) : null;
  }, [base]);

  const refused = useCallback(
    async (e: unknown, mine: B): Promise<boolean> => {
      if (!(e instanceof ApiError) || e.code !== CONFLICT) return false;
      setConflict({ message: e.message, mine, theirs: await storedHash() });
      setStatus({ type: 'error', text: e.message });
      return true;
    },
    [storedHash],
  );

  const put = useCallback(
    async (b: B, from: string | null | undefined): Promise<DefinitionRecord<B> | null> => {
      setBusy('save');
      try {
        const rec = await api.put<DefinitionRecord<B>>(`${base}/draft`, from === undefined ? { body: b } : { body: b, baseHash: from });
        if (detail) load.setData({ ...detail, draft: rec, draftByName: '您' });
        setIsNew(false);
        setConflict(null);
        setStatus({ type: 'success', text: '草稿已保存' });
        return rec;
      } catch (e) {
        if (await refused(e, b)) return null;
        setStatus({ type: 'error', text: errorText(e) });
        if (e instanceof ApiError && e.details.length) setProblems(e.details);
        return null;
      } finally {
        setBusy(null);
      }
    },
    [base, detail, load, refused],
  );

  const saveDraft = useCallback(async (b: B) => (await put(b, baseHash)) !== null, [put, baseHash]);

  const loadTheirs = useCallback(() => {
    if (conflict) {
      const kept: SetAsideEdit<B> = { body: conflict.mine, at: new Date().toISOString(), message: conflict.message };
      sessionStorage.setItem(asideKey(kind, key), JSON.stringify(kept));
    }
    // the editors hold their own copy of the body: a fresh page takes the stored draft everywhere
    window.location.reload();
  }, [conflict, kind, key]);

  const overwrite = useCallback(async () => {
    if (conflict) await put(conflict.mine, conflict.theirs);
  }, [conflict, put]);

  const discardSetAside = useCallback(() => {
    sessionStorage.removeItem(asideKey(kind, key));
    setSetAside(null);
  }, [kind, key]);

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
      const saved = await put(b, baseHash);
      if (!saved) return;
      setBusy('publish');
      try {
        // the draft just saved, and no other: a colleague's save in between is refused, not published
        const rec = await api.post<DefinitionRecord<B>>(`${base}/publish${saved.hash ? `?baseHash=${encodeURIComponent(saved.hash)}` : ''}`);
        setProblems([]);
        setStatus({ type: 'success', text: `已发布为第 ${rec.version ?? '?'} 版` });
        await load.reload();
      } catch (e) {
        if (await refused(e, b)) return;
        setStatus({ type: 'error', text: errorText(e) });
        if (e instanceof ApiError) setProblems(e.details);
      } finally {
        setBusy(null);
      }
    },
    [base, put, baseHash, load, refused],
  );

  const dismissConflict = useCallback(() => setConflict(null), []);

  return {
    detail,
    body,
    loading: load.loading,
    loadError: load.error,
    isNew,
    problems,
    status,
    busy,
    conflict,
    setAside,
    loadTheirs,
    overwrite,
    dismissConflict,
    discardSetAside,
    saveDraft,
    check,
    publish,
    setProblems,
  };
}
