// The keyset cursor of a list page: the sort key of its last row, opaque to clients (base64url of JSON).
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** the sort key a cursor names; a malformed cursor reads as the start of the list */
export function decodeCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor.slice(0, 512), 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through
  }
  return ['\uffff', ''];
}
