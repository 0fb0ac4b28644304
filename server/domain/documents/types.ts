// Minimal structural types for what the documents module consumes: a level
// definition's `templates` (name → Handlebars source) and, for labels, its `form`.

/** `templates` of a level definition, e.g. { pingshenbiao, songshenbiao, gaozhishu, gongshi }. */
export type Templates = Readonly<Record<string, string>>;

/** JSON pointer (indices as `*`) → human label, e.g. { '/papers/*\/title': '题目' }. */
export type Labels = Readonly<Record<string, string>>;

export interface RenderRequest {
  /** `${key}@${version}` of the definition the template comes from: the cache key */
  definition: string;
  /** template name, e.g. 'pingshenbiao' */
  name: string;
  /** Handlebars source from the definition */
  source: string;
  /** the data the template sees as its root context */
  data: unknown;
  /** the HTML <title> (escaped) */
  title: string;
  /** labels for the pointerLabel helper, usually labelsFromSchema(form) */
  labels?: Labels;
}
