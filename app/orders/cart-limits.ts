/** Most units of one product one cart line may hold. */
export const MAX_LINE_QUANTITY = 999;
