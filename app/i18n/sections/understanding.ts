// Query understanding (chips on the results page), commune pages and demand signals; merged into
// app/i18n/vi.ts and en.ts.
export const viUnderstanding = {
  communeNotFound: 'Không có xã, phường này.',
  specialtiesOfCommune: 'Đặc sản {commune}, {province}',
  communeChoose: 'Có hai nơi cùng tên không dấu ở {province}. Bạn tìm:',
  communeFormerNames: 'Trước 2025: {names}',
  understoodLabel: 'Chợ Phiên hiểu là',
  understoodRemove: 'Bỏ “{label}”',
  understoodStars: 'OCOP {stars} sao',
  understoodPriceBelow: 'Dưới {price}',
  understoodPriceAbove: 'Từ {price}',
  understoodPriceBetween: '{min} – {max}',
  understoodFormer: '{name} (nay thuộc {current})',
  demandTitle: 'Người mua tìm mà chưa thấy',
  demandIntro:
    'Các từ khoá không có hoặc có rất ít kết quả, theo tuần. Không lưu danh tính người mua.',
  demandWeek: 'Tuần từ',
  demandQuery: 'Từ khoá',
  demandSearches: 'Lượt tìm',
  demandResults: 'Kết quả ít nhất',
  demandNone: 'Chưa có lượt tìm nào không ra kết quả.',
  demandTodo: 'Đưa vào việc cần làm →',
  demandSellerTitle: 'Người mua đang tìm gần sản phẩm của bạn',
};

export const enUnderstanding: typeof viUnderstanding = {
  communeNotFound: 'There is no such commune or ward.',
  specialtiesOfCommune: 'Specialities of {commune}, {province}',
  communeChoose:
    'Two places in {province} share this name without diacritics. You are looking for:',
  communeFormerNames: 'Before 2025: {names}',
  understoodLabel: 'Understood as',
  understoodRemove: 'Remove “{label}”',
  understoodStars: 'OCOP {stars} stars',
  understoodPriceBelow: 'Under {price}',
  understoodPriceAbove: 'From {price}',
  understoodPriceBetween: '{min} – {max}',
  understoodFormer: '{name} (now in {current})',
  demandTitle: 'What buyers searched for and did not find',
  demandIntro: 'Queries with no or very few results, by week. No buyer identity is kept.',
  demandWeek: 'Week of',
  demandQuery: 'Query',
  demandSearches: 'Searches',
  demandResults: 'Fewest results',
  demandNone: 'No search has come back empty yet.',
  demandTodo: 'Add to the to-do list →',
  demandSellerTitle: 'What buyers look for near your products',
};
