// Traceability strings, Vietnamese first; merged into the dictionaries in app/i18n/vi.ts and en.ts.
export const viTraceability = {
  traceTitle: 'Truy xuất nguồn gốc',
  traceBatches: 'Lô hàng',
  traceLot: 'Lô: {lot}',
  traceVerdict_genuine: 'Tem chính hãng',
  traceVerdictText_genuine: 'Tem do Chợ Phiên cấp cho lô hàng này và chưa bị thu hồi.',
  traceVerdict_possibly_copied:
    'Tem chính hãng nhưng đã bị quét nhiều lần — có thể là tem sao chép',
  traceVerdictText_possibly_copied:
    'Tem thật có thể đã bị chụp lại và in trên hàng khác. Hãy kiểm tra bao bì, hỏi người bán, hoặc báo cho chúng tôi.',
  traceVerdict_revoked: 'Tem đã bị thu hồi',
  traceVerdictText_revoked:
    'Nhà sản xuất đã thu hồi tem này (lý do: {reason}). Sản phẩm mang tem này không được bảo đảm.',
  traceVerdict_expired: 'Sản phẩm đã hết hạn sử dụng',
  traceVerdictText_expired: 'Tem chính hãng, nhưng lô hàng đã hết hạn sử dụng từ {date}.',
  traceVerdict_not_genuine: 'Tem không chính hãng',
  traceVerdictText_not_genuine:
    'Chợ Phiên không cấp tem này. Đừng mua sản phẩm, và hãy báo cho cơ quan chức năng.',
  traceScans: 'Tem này đã được quét {n} lần, lần đầu lúc {since}.',
  traceJourney: 'Hành trình sản phẩm',
  traceNoEvents: 'Chưa có sự kiện nào được ghi.',
  traceCorrects: 'Đính chính sự kiện #{id}',
  traceCorrectedBy: 'Đã được đính chính (xem #{ids})',
  traceReportTitle: 'Báo cáo sản phẩm đáng ngờ',
  traceReportThanks: 'Cảm ơn bạn. Báo cáo đã được gửi tới nhà sản xuất và Sở Công Thương.',
  traceProduced: 'Ngày sản xuất/thu hoạch',
  traceExpires: 'Hạn sử dụng',
  traceArea: 'Vùng trồng',
  traceEpcis: 'Dữ liệu EPCIS 2.0 (JSON-LD)',
};

export const enTraceability: typeof viTraceability = {
  traceTitle: 'Traceability',
  traceBatches: 'Batches',
  traceLot: 'Lot: {lot}',
  traceVerdict_genuine: 'Genuine stamp',
  traceVerdictText_genuine:
    'Chợ Phiên issued this stamp for this batch and it has not been revoked.',
  traceVerdict_possibly_copied: 'Genuine stamp, but scanned many times — possibly copied',
  traceVerdictText_possibly_copied:
    'A real stamp may have been photographed and printed on other goods. Check the packaging, ask the seller, or report it to us.',
  traceVerdict_revoked: 'This stamp was revoked',
  traceVerdictText_revoked:
    'The producer revoked this stamp (reason: {reason}). A product carrying it is not vouched for.',
  traceVerdict_expired: 'This product has expired',
  traceVerdictText_expired: 'The stamp is genuine, but the batch expired on {date}.',
  traceVerdict_not_genuine: 'Not a genuine stamp',
  traceVerdictText_not_genuine:
    'Chợ Phiên did not issue this stamp. Do not buy the product, and report it to the authorities.',
  traceScans: 'This stamp has been scanned {n} times, first at {since}.',
  traceJourney: 'Product journey',
  traceNoEvents: 'No events recorded yet.',
  traceCorrects: 'Corrects event #{id}',
  traceCorrectedBy: 'Corrected (see #{ids})',
  traceReportTitle: 'Report a suspicious product',
  traceReportThanks:
    'Thank you. Your report was sent to the producer and the provincial trade office.',
  traceProduced: 'Production or harvest date',
  traceExpires: 'Expiry date',
  traceArea: 'Growing area',
  traceEpcis: 'EPCIS 2.0 data (JSON-LD)',
};
