// Keep the selected field in view in the live preview: RJSF gives each field the id root_<path joined by _>;
// inside a table the rows carry indexes, so the nearest ancestor with an id (the table itself) is used.
import { useEffect, type RefObject } from 'react';

export function usePreviewFollow(box: RefObject<HTMLElement | null>, path: readonly string[] | null): void {
  useEffect(() => {
    if (!path) return;
    const t = window.setTimeout(() => {
      const root = box.current;
      if (!root) return;
      for (let n = path.length; n > 0; n--) {
        const el = root.querySelector(`#${CSS.escape(['root', ...path.slice(0, n)].join('_'))}`);
        if (!el) continue;
        const target = el.closest('.ant-form-item') ?? el;
        const [r, b] = [target.getBoundingClientRect(), root.getBoundingClientRect()];
        if (r.top < b.top || r.bottom > b.bottom) root.scrollTop += r.top - b.top - 8;
        return;
      }
    }, 80);
    return () => window.clearTimeout(t);
  }, [box, path]);
}
