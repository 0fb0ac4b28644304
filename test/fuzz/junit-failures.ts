// Reads schemathesis's JUnit report: one testcase per API operation, one <failure> per failing test case, each
// naming its checks (ST103, …) and ending with the curl command that reproduces it.
export interface Failure {
  operation: string;
  /** the check codes in the failure, e.g. "ST103 Undocumented status code" */
  check: string;
  message: string;
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

export function failuresOf(xml: string): Failure[] {
  const out: Failure[] = [];
  const testcase = /<testcase name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const tc of xml.matchAll(testcase)) {
    const operation = unescape(tc[1] ?? '');
    for (const f of (tc[2] ?? '').matchAll(/<(failure|error)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      const message = unescape(f[2] ?? '').trim();
      const checks = [...message.matchAll(/^- (.+)$/gm)].map((m) => m[1]!.trim());
      // one failure element can hold several test cases ("1. Test Case ID", "2. …"): each check counts once
      for (const check of [...new Set(checks.length > 0 ? checks : [f[1] ?? 'failure'])]) out.push({ operation, check, message });
    }
  }
  return out;
}
