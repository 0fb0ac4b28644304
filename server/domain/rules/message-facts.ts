// B2: a refusal based on a cut-off date names the date. Rule messages may name campaign facts in words
// ({资历截止日}); they are filled from the evaluation context, so one message serves every campaign.

const FACTS: Readonly<Record<string, readonly string[]>> = {
  资历截止日: ['campaign', 'cutoffs', 'tenure'],
  学历截止日: ['campaign', 'cutoffs', 'education'],
  业绩截止日: ['campaign', 'cutoffs', 'achievements'],
  申报年度: ['campaign', 'year'],
};

/** the words a message may hold in braces, for the rule editor's hint */
export const MESSAGE_FACT_NAMES: readonly string[] = Object.keys(FACTS);

function lookup(context: Readonly<Record<string, unknown>>, path: readonly string[]): string | undefined {
  let v: unknown = context;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** `message` with every known {事实} replaced by its value; unknown braces stay as written */
export function fillMessage(message: string, context: Readonly<Record<string, unknown>>): string {
  if (!message.includes('{')) return message;
  return message.replace(/\{([^{}]{1,20})\}/g, (whole, name: string) => {
    const path = FACTS[name];
    return (path && lookup(context, path)) ?? whole;
  });
}
