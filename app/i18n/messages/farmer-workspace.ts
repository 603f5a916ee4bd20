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
  noticeListingApproved: {
    vi: 'Sở Công Thương đã duyệt sản phẩm “{name}”: sản phẩm đang được bán trên Chợ Phiên.',
    en: 'The trade office approved “{name}”: it is now on sale on Chợ Phiên.',
  },
  noticeListingRejected: {
    vi: 'Sở Công Thương không duyệt sản phẩm “{name}”.',
    en: 'The trade office rejected “{name}”.',
  },
  noticeListingChanges: {
    vi: 'Sở Công Thương trả lại sản phẩm “{name}” để bổ sung.',
    en: 'The trade office sent “{name}” back for changes.',
  },
  noticeOcopApproved: {
    vi: 'Sở Công Thương đã xác minh chứng nhận OCOP của “{name}”.',
    en: 'The trade office verified the OCOP certificate of “{name}”.',
  },
  noticeOcopRejected: {
    vi: 'Sở Công Thương không xác minh chứng nhận OCOP của “{name}”.',
    en: 'The trade office did not verify the OCOP certificate of “{name}”.',
  },
  noticeOcopChanges: {
    vi: 'Sở Công Thương cần bổ sung chứng nhận OCOP của “{name}”.',
    en: 'The trade office needs more on the OCOP certificate of “{name}”.',
  },
  noticeOrganizationApproved: {
    vi: 'Sở Công Thương đã duyệt đăng ký “{name}”: tổ chức đã được xác minh.',
    en: 'The trade office approved the registration of “{name}”: the organization is verified.',
  },
  noticeOrganizationRejected: {
    vi: 'Sở Công Thương không duyệt đăng ký “{name}”.',
    en: 'The trade office rejected the registration of “{name}”.',
  },
  noticeOrganizationChanges: {
    vi: 'Sở Công Thương trả lại đăng ký “{name}” để bổ sung.',
    en: 'The trade office sent the registration of “{name}” back for changes.',
  },
  noticeNote: { vi: 'Ghi chú của cán bộ: {note}', en: 'The officer’s note: {note}' },
  noticeEmailSubject: { vi: 'Chợ Phiên: {text}', en: 'Chợ Phiên: {text}' },
  noticeEmailLink: {
    vi: 'Xem trong Kênh người bán: {url}',
    en: 'See it in the seller channel: {url}',
  },
});
