// 0.8333 → 83.3%; nothing decided yet → — (the same words as the exported workbook).
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
