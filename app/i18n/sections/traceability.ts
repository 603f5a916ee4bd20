// Traceability strings, Vietnamese first; merged into the dictionaries in app/i18n/vi.ts and en.ts.
export const viTraceability = {
};

export const enTraceability: typeof viTraceability = {
};
