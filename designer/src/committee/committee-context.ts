// The committee picked in 评委会工作's header, shared by its pages (专家库, 评审会议).
import { createContext, useContext } from 'react';

export interface OfficeCommittee {
  id: string;
  name: string;
  /** 自主评审 (scope: units) */
  selfReview: boolean;
  /** the user's office runs it (or an administrator): may keep its pool and sessions */
  canManage: boolean;
  appointment: { maxConsecutiveYears?: number; minExternalShare?: number; sessionSize?: { members: number; reserves: number } };
}

export const CommitteeContext = createContext<{ committee: OfficeCommittee | null; committees: OfficeCommittee[] }>({ committee: null, committees: [] });

export const useOfficeCommittee = () => useContext(CommitteeContext);
