// The officer's charts and landing, the review queue's detail, the farmer's notices and the digital
// technology teams (issue 17, decision 017). Vietnamese first; merged into app/i18n/vi.ts and en.ts.
export const viOfficerWorkspace = {
  owColStars: 'Hạng sao',
  owColGroup: 'Nhóm sản phẩm',
  owColCommune: 'Xã, phường',
  owColMethod: 'Hình thức thanh toán',
  owEmptyRegister:
    'Chưa có số liệu: sổ OCOP của tỉnh chưa được nhập. Tải tệp CSV ở mục “Nhập sổ OCOP của tỉnh” bên dưới.',
  owEmptySales:
    'Chưa có số liệu: chưa có đơn hàng nào được tính trong kỳ. Số liệu hiện ra khi có đơn đã thanh toán hoặc đã giao.',
  owEmptyPayments: 'Chưa có số liệu: chưa có đơn hàng nào trong kỳ.',
  owNoticesHeading: 'Thông báo từ Sở Công Thương',
  owPreviewLink: 'Xem trước trang người mua',
  owPreviewTitle: 'Xem trước: {name} — Chợ Phiên',
  owPreviewBanner:
    'Bản xem trước: người mua thấy trang này khi sản phẩm đang bán. Trạng thái hiện tại: {status}.',
  owPreviewBack: '← Quay lại sửa sản phẩm',
  owStockLabel: 'Số lượng có sẵn để bán',
  owStockHint:
    'Bao nhiêu đơn vị đang có trong kho (0 đến {max}). Để trống là chưa có hàng: sản phẩm sẽ hiện “Hết hàng”.',
};

export const enOfficerWorkspace: typeof viOfficerWorkspace = {
  owColStars: 'Stars',
  owColGroup: 'Product group',
  owColCommune: 'Commune',
  owColMethod: 'Payment method',
  owEmptyRegister:
    'No data yet: the province OCOP register has not been imported. Upload its CSV file under “Import the province OCOP register” below.',
  owEmptySales:
    'No data yet: no order counts in this period. Figures appear once orders are paid or delivered.',
  owEmptyPayments: 'No data yet: no orders in this period.',
  owNoticesHeading: 'Notices from the trade office',
  owPreviewLink: 'Preview the buyer’s page',
  owPreviewTitle: 'Preview: {name} — Chợ Phiên',
  owPreviewBanner:
    'Preview: buyers see this page while the product is on sale. Its status now: {status}.',
  owPreviewBack: '← Back to editing the product',
  owStockLabel: 'Quantity in stock to sell',
  owStockHint:
    'How many units you have now (0 to {max}). Left blank means none yet: buyers will see “Out of stock”.',
};

export const viReviewDetail = {
  owrSince: 'Đăng ký từ {date}',
  owrHistory:
    'Đã đăng bán {published} · chờ duyệt {waiting} · bị từ chối {rejected} · trả lại {back}',
  owrPhone: 'Điện thoại',
  owrAddress: 'Địa chỉ',
  owrNoPhoto: 'Chưa có ảnh sản phẩm',
  owrNoDescription: 'Chưa có mô tả',
  owrStock: 'Tồn kho: {n}',
  owrScan: 'Xem bản chụp giấy chứng nhận',
  owrNoScan: 'Chưa tải bản chụp giấy chứng nhận',
  owrOrgPage: 'Trang của tổ chức',
  owrProductPage: 'Trang sản phẩm',
  owrDecision: 'Quyết định',
};
export const enReviewDetail: typeof viReviewDetail = {
  owrSince: 'Registered since {date}',
  owrHistory: 'Listed {published} · waiting {waiting} · rejected {rejected} · sent back {back}',
  owrPhone: 'Phone',
  owrAddress: 'Address',
  owrNoPhoto: 'No product photo yet',
  owrNoDescription: 'No description yet',
  owrStock: 'Stock: {n}',
  owrScan: 'See the certificate scan',
  owrNoScan: 'No certificate scan uploaded',
  owrOrgPage: 'Organization page',
  owrProductPage: 'Product page',
  owrDecision: 'Decision',
};
