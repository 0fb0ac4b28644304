// Every size a definition may reach, in one place. Measured on the seeded definitions (seeds/, workflows/,
// schemas/forms/) and set 5–10× above the largest value found there, so no real definition meets them while
// no single request can make the server parse or evaluate megabytes of FEEL, XML or templates.
//
//                               largest seeded value                       limit
//   whole body (JSON chars)     69.8 K  workflow/league-review (XML + steps)   640 K
//   nesting depth               13      workflow steps                         64
//   plain string                62      a rule's message                       4 K (free text: a paragraph is fine)
//   property name               24      a form field                           128
//   FEEL expression             264     a seeded 中级 rule                  2 K   ("a real rule is < 1 KB")
//   FEEL operators / nesting    14 / 5  (operators, keywords and commas)        64 / 16
//   FEEL in one body, in all    5.2 K   a seeded level (52 expressions)        48 K
//   template source             3.2 K   pingshenbiao                           32 K
//   BPMN XML                    63.2 K  league-review (with its diagram)       512 K
//   BPMN attribute value        62                                             1 K   (zc:voting FEEL lives here)
//   BPMN element text           102     a conditionExpression                  4 K
//   BPMN element nesting        5                                              64
export const LIMITS = {
  /** whole body, counted as the characters of its JSON text */
  bodyChars: 640 * 1024,
  /** objects and arrays inside one another; the body itself is depth 1 */
  depth: 64,
  /** any string not named below */
  stringChars: 4 * 1024,
  /** any property name (form field names, patternProperties regexes, template names …) */
  propertyNameChars: 128,
  /** one FEEL expression (rules, materials' requiredWhen, BPMN conditions) */
  feelChars: 2 * 1024,
  /** all FEEL expressions of one body together: each is parsed at publish and at load */
  feelTotalChars: 48 * 1024,
  /** operators, keywords and commas of one FEEL expression (and, or, =, +, if, some, list items …), outside strings */
  feelOperators: 64,
  /** brackets (), [], {} inside one another in one FEEL expression */
  feelNesting: 16,
  /** wall-clock budget of one FEEL evaluation; a real rule takes about a millisecond, tens on a loaded machine */
  feelEvaluationMs: 500,
  /** all FEEL evaluation in one turn of the event loop (one request's synchronous run of rules or a flow step) */
  feelTurnMs: 2000,
  /** one Handlebars template source */
  templateChars: 32 * 1024,
  /** the BPMN XML of a workflow */
  bpmnXmlChars: 512 * 1024,
  /** one attribute value in the BPMN XML */
  bpmnAttributeChars: 1024,
  /** the text inside one BPMN element (conditionExpression, documentation) */
  bpmnTextChars: 4 * 1024,
  /** BPMN elements inside one another */
  bpmnDepth: 64,
  /** at most this many bounds problems are listed: the rest would only repeat them */
  problems: 50,
} as const;
