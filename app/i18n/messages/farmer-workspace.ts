import { defineMessages } from '../messages';

/** The farmer's workspace (issue 17): the stock given when a listing is created, notices. */
export const farmerWorkspaceMessages = defineMessages('farmerWorkspace', {
  initialStockInvalid: {
    vi: 'Số lượng có sẵn là một số nguyên từ 0 đến 1.000.000.',
    en: 'The quantity in stock is a whole number from 0 to 1,000,000.',
  },
  initialStockReason: {
    vi: 'Số lượng có sẵn khi tạo sản phẩm',
    en: 'Quantity in stock when the listing was created',
  },
});
