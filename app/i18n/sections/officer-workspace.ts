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
};
