// The buyer's shell: compact header, cart badge, phone filters; Vietnamese first, merged into vi.ts/en.ts.
export const viBuyer = {
  byCartWithCount: 'Giỏ hàng, {n} sản phẩm',
  byMenu: 'Tài khoản',
  byFilters: 'Bộ lọc',
  byApplyFilters: 'Áp dụng',
  byLanguageShort: 'EN',
};

export const enBuyer: typeof viBuyer = {
  byCartWithCount: 'Cart, {n} products',
  byMenu: 'Account',
  byFilters: 'Filters',
  byApplyFilters: 'Apply',
  byLanguageShort: 'VI',
};
