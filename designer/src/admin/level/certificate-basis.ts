// The certificate's basis line (F8) as people edit it: fields show as {字段名称}, stored as {/pointer}.
export type FieldOption = { value: string; label: string };

/** {/original/issuer} → {原职称 › 原评审（发证）机关} */
export const basisForPeople = (basis: string, fields: readonly FieldOption[]): string =>
  basis.replace(/\{(\/[^{}]*)\}/g, (_all, p: string) => `{${fields.find((f) => f.value === p)?.label ?? p.slice(1)}}`);

/** back again; a name the form does not have is kept as a pointer, which publishing refuses at the basis line */
export const basisForStore = (text: string, fields: readonly FieldOption[]): string =>
  text.replace(/\{([^{}]*)\}/g, (_all, name: string) => `{${fields.find((f) => f.label === name.trim())?.value ?? (name.startsWith('/') ? name : `/${name.trim()}`)}}`);
