// A notification template's output as plain text: the bounded document renderer escapes for HTML, while titles,
// e-mail text and SMS are plain; the message centre and the e-mail's HTML part escape again where they show it.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x60;': '`', '&#x3D;': '=' };

export const unescapeHtml = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (m) => ENTITIES[m] ?? m);

/** the first non-empty line is the title, the rest (blank lines at either end trimmed) the body */
export function splitTitleBody(rendered: string): { title: string; body: string } {
  const lines = unescapeHtml(rendered).replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  const title = (lines.shift() ?? '').trim();
  const body = lines
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { title, body };
}
