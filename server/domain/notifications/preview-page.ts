// A notification as its message would look, for the template workbench's preview: the title line, then the body
// as plain text (escaped, line breaks kept), in a simple HTML frame.
import { htmlPage } from '../documents/page.js';
import { hb } from '../documents/instance.js';

const esc = (s: string): string => hb.escapeExpression(s);

export function notificationPreviewPage(pageTitle: string, message: { title: string; body: string }): string {
  const body = [
    '<p style="color:#888;font-size:10pt;margin:0 0 4mm">第一行是标题，其余是正文</p>',
    `<h2 data-part="title">${message.title ? esc(message.title) : '（标题为空）'}</h2>`,
    `<div data-part="body" style="white-space:pre-wrap">${esc(message.body)}</div>`,
  ].join('\n');
  return htmlPage(pageTitle, body);
}
