// Orders strings, Vietnamese first; merged into the dictionaries in app/i18n/vi.ts and en.ts.
export const viOrders = {
};

export const enOrders: typeof viOrders = {
};
