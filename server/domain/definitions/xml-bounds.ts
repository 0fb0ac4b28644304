// The BPMN XML of a workflow is measured before bpmn-moddle parses it: every attribute value, every
// text between tags and the nesting of elements, in one linear pass over the characters (no regex, no
// parser). Problems point at /xml and, when the element has one, at its id.
import type { Problem } from '../result.js';
import { LIMITS } from './limits.js';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

const located = (pointer: string, id: string | undefined): Pick<Problem, 'pointer' | 'elementId'> =>
  id === undefined ? { pointer } : { pointer, elementId: id };

/** Problems of a BPMN text's sizes, in document order; at most `max`. */
export function xmlBoundsProblems(xml: string, pointer: string, max: number = LIMITS.problems): Problem[] {
  const out: Problem[] = [];
  const open: (string | undefined)[] = []; // ids of the open elements
  let tooDeep = false;
  // line numbers for messages, counted forward only as far as asked
  let line = 1;
  let counted = 0;
  const lineOf = (at: number): number => {
    for (; counted < at; counted++) if (xml.charCodeAt(counted) === 10) line += 1;
    return line;
  };
  const long = (what: string, at: number, length: number, limit: number, id?: string): void => {
    out.push({ code: 'definition.string_too_long', message: `BPMN ${what}过长（第 ${lineOf(at)} 行，${length} 个字符，上限 ${limit} 个）`, ...located(pointer, id) });
  };

  let i = 0;
  while (i < xml.length && out.length < max) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd - i > LIMITS.bpmnTextChars) long('元素内的文字', i, textEnd - i, LIMITS.bpmnTextChars, open[open.length - 1]);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      i = end < 0 ? xml.length : end + 3;
      if (i - lt > LIMITS.bpmnTextChars) long('元素内的 CDATA ', lt, i - lt, LIMITS.bpmnTextChars, open[open.length - 1]);
      continue;
    }
    const second = xml.charCodeAt(lt + 1);
    const closing = second === SLASH;
    const special = second === 63 /* ? */ || second === 33; /* ! */
    // the element name
    let j = lt + (closing ? 2 : 1);
    const nameStart = j;
    while (j < xml.length) {
      const c = xml.charCodeAt(j);
      if (isSpace(c) || c === SLASH || c === GT) break;
      j += 1;
    }
    const tagName = xml.slice(nameStart, Math.min(j, nameStart + 64));
    if (j - nameStart > LIMITS.propertyNameChars) long('元素名', lt, j - nameStart, LIMITS.propertyNameChars);
    // name="value" pairs up to `>`; a `>` inside quotes does not end the tag
    let id: string | undefined;
    const longValues: { name: string; length: number; at: number }[] = [];
    let selfClosing = false;
    let wordFrom = -1; // the word being read, and the last one read: an attribute's name precedes its `=`
    let lastFrom = -1;
    let lastTo = -1;
    while (j < xml.length) {
      const c = xml.charCodeAt(j);
      if (c === GT) break;
      if (c === DQ || c === SQ) {
        const end = xml.indexOf(c === DQ ? '"' : "'", j + 1);
        const stop = end < 0 ? xml.length : end;
        const name = lastFrom < 0 ? '' : xml.slice(lastFrom, Math.min(lastTo, lastFrom + 64));
        if (lastTo - lastFrom > LIMITS.propertyNameChars) long('属性名', lastFrom, lastTo - lastFrom, LIMITS.propertyNameChars);
        const length = stop - j - 1;
        if (length > LIMITS.bpmnAttributeChars) longValues.push({ name, length, at: j });
        else if (name === 'id') id = xml.slice(j + 1, stop);
        lastFrom = lastTo = wordFrom = -1;
        j = stop + 1;
        continue;
      }
      if (c === EQ || isSpace(c)) {
        if (wordFrom >= 0) [lastFrom, lastTo] = [wordFrom, j];
        wordFrom = -1;
      } else {
        if (wordFrom < 0) wordFrom = j;
        if (c === SLASH && xml.charCodeAt(j + 1) === GT) selfClosing = true;
      }
      j += 1;
    }
    for (const v of longValues) long(`元素 ${tagName} 的属性 ${v.name} `, v.at, v.length, LIMITS.bpmnAttributeChars, id);
    if (!special && closing) open.pop();
    else if (!special && !selfClosing) {
      open.push(id);
      if (open.length > LIMITS.bpmnDepth && !tooDeep) {
        tooDeep = true;
        out.push({ code: 'definition.too_deep', message: `BPMN 元素嵌套过深（第 ${lineOf(lt)} 行超过 ${LIMITS.bpmnDepth} 层）`, ...located(pointer, id) });
      }
    }
    i = j + 1;
  }
  return out.slice(0, max);
}
