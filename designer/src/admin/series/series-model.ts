// The series document (schemas/series.schema.json) as the series editor and the wizard edit it.
export const GRADES = ['正高级', '副高级', '中级', '助理级', '员级'] as const;
export type Grade = (typeof GRADES)[number];

export interface SeriesLevel {
  levelKey: string;
  grade: Grade;
  title: string;
  /** the level definition's key, usually `<series>.<levelKey>` */
  definition?: string;
}

export interface SeriesBody {
  key: string;
  name: string;
  code?: string;
  examOnlyBelow?: string;
  specialties?: { key: string; name: string }[];
  levels: SeriesLevel[];
}

export const freshSeries = (key: string, name = ''): SeriesBody => ({ key, name, specialties: [], levels: [] });

export const gradeOptions = GRADES.map((g) => ({ value: g, label: g }));

/** the definition key a new level of a series gets */
export const levelDefinitionKey = (seriesKey: string, levelKey: string): string => `${seriesKey}.${levelKey}`;
