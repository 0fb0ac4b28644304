// A problem or a notice item names a place by JSON pointer; this finds it on the page once the wizard step that
// holds it has rendered, scrolls it to the middle of the screen and puts the cursor in it.
import { pointerSegments } from '../forms/validator.js';

/** RJSF's element id for a form pointer: '/education/school' → 'root_education_school' */
export const formFieldId = (pointer: string): string => ['root', ...pointerSegments(pointer)].join('_');
export const materialId = (itemId: string): string => `material-${itemId}`;

/** the element for a pointer, falling back to the nearest enclosing field that is on the page */
function elementFor(pointer: string): HTMLElement | null {
  const [head, id] = pointerSegments(pointer);
  if (head === 'materials' && id) return document.getElementById(materialId(id));
  if (head === 'pledge') return document.getElementById('pledge');
  const segs = pointerSegments(pointer);
  for (let n = segs.length; n > 0; n--) {
    const el = document.getElementById(['root', ...segs.slice(0, n)].join('_'));
    if (el) return el;
  }
  return null;
}

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]';

/** waits (up to ~3 s) for the place to render, then scrolls to it and focuses it; true when found */
export function scrollToPointer(pointer: string): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const attempt = () => {
      const el = elementFor(pointer);
      if (!el) {
        if (Date.now() - started < 3000) window.setTimeout(attempt, 50);
        else resolve(false);
        return;
      }
      const target = el.matches(FOCUSABLE) ? el : (el.querySelector<HTMLElement>(FOCUSABLE) ?? el);
      const box = (el.closest('.ant-form-item') as HTMLElement | null) ?? el;
      box.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
      box.classList.add('zc-focus-flash');
      window.setTimeout(() => box.classList.remove('zc-focus-flash'), 2000);
      resolve(true);
    };
    attempt();
  });
}
