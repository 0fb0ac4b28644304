// Where in an XML text a problem is: 1-based line and column, so an author can find a parse
// error, a DOCTYPE or a truncation in a file of thousands of lines.

export interface TextPosition {
  line: number;
  column: number;
}

/** the 1-based line and column of a character offset */
export function positionAt(text: string, index: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(index, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line += 1;
  return { line, column: index - (lastBreak + 1) + 1 };
}

/** bpmn-moddle's parser (saxen) reports "line: N column: M", counted from 0 */
export function positionInMessage(message: string): TextPosition | undefined {
  const m = /line: (\d+)\s+column: (\d+)/.exec(message);
  return m ? { line: Number(m[1]) + 1, column: Number(m[2]) + 1 } : undefined;
}

/** the end of the text: where a truncated document stops */
export const endOf = (text: string): TextPosition => positionAt(text, text.length);
