// Tradeoffice strings, Vietnamese first; merged into the dictionaries in app/i18n/vi.ts and en.ts.
export const viTradeoffice = {
};

export const enTradeoffice: typeof viTradeoffice = {
};
