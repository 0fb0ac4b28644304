// The static types the FEEL checker knows: what a name holds, as far as a definition can tell.
// Derived from a form's JSON Schema (fields) and from the platform's facts (org, campaign, …).

export type FeelType =
  | { kind: 'boolean' | 'number' | 'string' | 'null' | 'function' | 'any' }
  | { kind: 'list'; item: FeelType }
  /** `open`: members beyond `props` may exist, so an unknown member is not an error */
  | { kind: 'object'; props: ReadonlyMap<string, FeelType>; open: boolean };

export const ANY: FeelType = { kind: 'any' };
export const BOOLEAN: FeelType = { kind: 'boolean' };
export const NUMBER: FeelType = { kind: 'number' };
export const STRING: FeelType = { kind: 'string' };

export const objectOf = (props: Record<string, FeelType>, open = false): FeelType => ({ kind: 'object', props: new Map(Object.entries(props)), open });
export const listOf = (item: FeelType): FeelType => ({ kind: 'list', item });

/** The names an expression may use, and the functions it may call besides FEEL's built-ins. */
export interface FeelNames {
  variables: ReadonlyMap<string, FeelType>;
  functions: ReadonlySet<string>;
  /** names beyond `variables` may exist (a form composed with allOf/$ref, a flow's variables): unknown names pass */
  open?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keywords that make a schema's members depend on more than its own `properties`: then we do not judge member names. */
const COMPOSING = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'dependencies', 'patternProperties'];

/**
 * The FEEL type of values a JSON Schema accepts. Plain schemas only: anything composed ($ref, allOf, …)
 * or with several types becomes `any`, so the checker never refuses what might be valid.
 */
export function typeOfSchema(schema: unknown, depth = 0): FeelType {
  if (!isObject(schema) || depth > 32) return ANY;
  if (COMPOSING.some((k) => k in schema)) return ANY;
  const t = schema.type;
  switch (t) {
    case 'boolean':
      return BOOLEAN;
    case 'number':
    case 'integer':
      return NUMBER;
    case 'string':
      return STRING;
    case 'array':
      return listOf(Array.isArray(schema.items) ? ANY : typeOfSchema(schema.items, depth + 1));
    case 'object': {
      const props = isObject(schema.properties) ? schema.properties : undefined;
      if (!props) return { kind: 'object', props: new Map(), open: true };
      const typed = new Map(Object.entries(props).map(([k, v]) => [k, typeOfSchema(v, depth + 1)] as const));
      // additional members only when the schema says so: a rule naming an undeclared field is a typo
      const extra = schema.additionalProperties;
      return { kind: 'object', props: typed, open: extra !== undefined && extra !== false };
    }
    default:
      return ANY;
  }
}
