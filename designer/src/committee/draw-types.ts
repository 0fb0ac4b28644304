// What /api/draws answers (server/runtime/committees/draw-views.ts), as the draw pages read it.
export interface DrawExpert {
  expertId: string;
  name: string;
  unitName: string;
  title: string;
  specialties: string[];
  /** the office only */
  phone?: string;
  email?: string;
}

export interface DrawView {
  id: string;
  sessionId: string;
  sessionName: string;
  committeeId: string;
  committeeName: string;
  at: string;
  byName: string;
  seed: string;
  request: { specialties: string[]; members: number; reserves: number };
  candidateCount: number;
  members: DrawExpert[];
  reserves: DrawExpert[];
  current: DrawExpert[];
  unusedReserves: DrawExpert[];
  excluded: (DrawExpert & { reason: string })[];
  replacements: { expert: DrawExpert; by: DrawExpert; reason: string; at: string; actorName: string }[];
}

export interface DrawOptions {
  specialties: { key: string; name: string }[];
  members: number;
  reserves: number;
  poolSize: number;
}

export interface Replay {
  consistent: boolean;
  verdict: string;
}
