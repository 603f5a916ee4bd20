// Cooperative order fulfilment, ledger and payout strings, Vietnamese first; merged into app/i18n/vi.ts and en.ts.
export const viFulfilment = {};

export const enFulfilment: typeof viFulfilment = {};
