// Storefront strings (catalogue pages, search), Vietnamese first; merged into app/i18n/vi.ts and en.ts.
export const viSearch = {
  shopProductNotFound: 'Sản phẩm không tồn tại hoặc đã ngừng bán.',
  shopProducerNotFound: 'Không tìm thấy nhà sản xuất này.',
  shopProvinceNotFound: 'Không có tỉnh, thành này.',
};

export const enSearch: typeof viSearch = {
  shopProductNotFound: 'This product does not exist or is no longer on sale.',
  shopProducerNotFound: 'This producer does not exist.',
  shopProvinceNotFound: 'There is no such province.',
};
