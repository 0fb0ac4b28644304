// The 申报路径 of some level definitions (their draft, else their latest version), for choosing quota-exempt paths by name.
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { DefinitionDetail } from '../../types/api.js';

type Level = { rules?: { paths?: { id: string; name?: string }[] } };

export function useLevelPaths(levelKeys: string[]): { value: string; label: string }[] {
  const wanted = [...new Set(levelKeys)].sort();
  const paths = useLoad(async () => {
    const out = new Map<string, string>();
    for (const k of wanted) {
      try {
        const d = await api.get<DefinitionDetail<Level>>(`/api/definitions/level/${encodeURIComponent(k)}`);
        for (const p of (d.draft?.body ?? d.latest?.body)?.rules?.paths ?? []) if (!out.has(p.id)) out.set(p.id, p.name ?? p.id);
      } catch {
        /* an unknown level is reported by the server's check */
      }
    }
    return [...out].map(([value, label]) => ({ value, label }));
  }, [wanted.join(',')]);
  return paths.data ?? [];
}
