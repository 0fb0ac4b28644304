// The live preview: the source is sent a moment after the last keystroke (debounced), and only the newest
// answer is kept. An answer is the rendered page, or the template's problems (each at its line).
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, errorText } from '../../api.js';
import type { PreviewOn, TemplateProblem } from './types.js';

export interface PreviewState {
  html: string | null;
  problems: TemplateProblem[];
  /** a refusal that is not about the text (no such application, no right to it, network) */
  error: string | null;
  busy: boolean;
}

export function usePreview(source: string, on: PreviewOn | null, title: string | undefined, delayMs = 400): PreviewState {
  const [state, setState] = useState<PreviewState>({ html: null, problems: [], error: null, busy: false });
  const seq = useRef(0);
  const onKey = on ? JSON.stringify(on) : '';
  useEffect(() => {
    if (!on) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(async () => {
      try {
        const r = await api.post<{ html: string }>('/api/admin/templates/preview', { source, ...on, ...(title ? { title } : {}) });
        if (mine === seq.current) setState({ html: r.html, problems: [], error: null, busy: false });
      } catch (e) {
        if (mine !== seq.current) return;
        if (e instanceof ApiError && e.status === 422) setState((s) => ({ html: s.html, problems: e.details as TemplateProblem[], error: e.details.length > 0 ? null : e.message, busy: false }));
        else setState((s) => ({ html: s.html, problems: [], error: errorText(e), busy: false }));
      }
    }, delayMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, onKey, title, delayMs]);
  return state;
}
