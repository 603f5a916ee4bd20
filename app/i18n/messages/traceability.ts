import { defineMessages } from '../messages';

/** Traceability: batches, journey events, stamps, scans, buyer reports. */
export const traceabilityMessages = defineMessages('traceability', {
  unknownIntent: { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' },

  // The batch form.
  lotRequired: { vi: 'Hãy nhập mã lô.', en: 'Enter the lot code.' },
  lotFormat: {
    vi: 'Mã lô tối đa 20 ký tự: chữ không dấu, số và - . _ (không dấu cách, không dấu tiếng Việt).',
    en: 'The lot code has at most 20 characters: letters, digits and - . _ (no spaces or accents).',
  },
  producedOnInvalid: {
    vi: 'Ngày sản xuất/thu hoạch không hợp lệ (dd/mm/yyyy).',
    en: 'The production or harvest date is invalid (dd/mm/yyyy).',
  },
  expiresOnInvalid: {
    vi: 'Hạn sử dụng không hợp lệ (dd/mm/yyyy).',
    en: 'The expiry date is invalid (dd/mm/yyyy).',
  },
  expiresBeforeProduced: {
    vi: 'Hạn sử dụng phải sau ngày sản xuất.',
    en: 'The expiry date must be after the production date.',
  },
  quantityPositive: {
    vi: 'Số lượng phải là số nguyên dương.',
    en: 'The quantity must be a positive whole number.',
  },
  quantityUnitRequired: {
    vi: 'Hãy nhập đơn vị (kg, hộp, chai…).',
    en: 'Enter the unit (kg, box, bottle…).',
  },
  areaCommuneRequired: {
    vi: 'Hãy chọn xã/phường của vùng trồng.',
    en: 'Choose the commune of the growing area.',
  },
  latitudeRange: { vi: 'Vĩ độ phải từ −90 đến 90.', en: 'The latitude is out of range.' },
  longitudeRange: { vi: 'Kinh độ phải từ −180 đến 180.', en: 'The longitude is out of range.' },
  coordinatesBoth: {
    vi: 'Hãy nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.',
    en: 'Enter both latitude and longitude, or neither.',
  },
  unknownCommune: { vi: 'Xã/phường không có trong danh mục.', en: 'Unknown commune.' },
  lotTakenForProduct: {
    vi: 'Sản phẩm này đã có lô cùng mã.',
    en: 'This product already has a batch with this lot code.',
  },
  lotTakenForGtin: {
    vi: 'Mã GTIN này đã có lô cùng mã.',
    en: 'This GTIN already has a batch with this lot code.',
  },

  // The journey event form.
  correctsEventInvalid: {
    vi: 'Sự kiện được đính chính không hợp lệ.',
    en: 'The corrected event is invalid.',
  },
  eventKindRequired: { vi: 'Hãy chọn loại sự kiện.', en: 'Choose the kind of event.' },
  eventDateInvalid: {
    vi: 'Ngày không hợp lệ (dd/mm/yyyy).',
    en: 'The date is invalid (dd/mm/yyyy).',
  },
  eventTimeInvalid: { vi: 'Giờ không hợp lệ (hh:mm).', en: 'The time is invalid (hh:mm).' },
  inputProductRequired: {
    vi: 'Hãy ghi tên phân bón hoặc thuốc đã dùng.',
    en: 'Name the fertiliser or pesticide used.',
  },
  doseRequired: { vi: 'Hãy ghi liều lượng.', en: 'Enter the dose.' },
  preHarvestDaysInvalid: {
    vi: 'Thời gian cách ly là số ngày (0–999).',
    en: 'The pre-harvest interval is a number of days (0–999).',
  },
  inputBatchIdsFormat: {
    vi: 'Mã lô đầu vào là các số, cách nhau bằng dấu phẩy.',
    en: 'Input batches are numbers separated by commas.',
  },
  inspectionResultRequired: {
    vi: 'Hãy ghi kết quả kiểm nghiệm.',
    en: 'Enter the inspection result.',
  },
  tooManyPhotos: { vi: 'Tối đa 4 ảnh cho một sự kiện.', en: 'At most 4 photos per event.' },
  documentOnlyForInspection: {
    vi: 'Chỉ sự kiện kiểm nghiệm mới kèm phiếu kết quả.',
    en: 'Only an inspection carries a lab report.',
  },
  correctedEventNotInBatch: {
    vi: 'Sự kiện được đính chính không thuộc lô này.',
    en: 'The corrected event is not one of this batch.',
  },
  inputBatchIsSelf: {
    vi: 'Lô đầu vào không thể là chính lô này.',
    en: 'A batch cannot be its own input.',
  },
  inputBatchNotYours: {
    vi: 'Lô đầu vào {id} không phải lô của đơn vị bạn.',
    en: "Input batch {id} is not one of your organization's batches.",
  },
  labDocumentTooLarge: {
    vi: 'Tệp quá lớn: tối đa 10 MB.',
    en: 'The file is too large: 10 MB at most.',
  },
  labDocumentNotPdf: {
    vi: 'Phiếu kết quả phải là tệp PDF (ảnh chụp phiếu thì tải lên ở mục Ảnh).',
    en: 'The lab report must be a PDF (upload a photo of it under Photos).',
  },
  correctionDangling: {
    vi: 'Sự kiện đính chính {id} không trỏ tới sự kiện nào của lô này.',
    en: 'Correction {id} does not point at an event of this batch.',
  },
  correctionLoop: { vi: 'Chuỗi đính chính bị vòng lặp.', en: 'Corrections form a loop.' },
  batchNotPublic: {
    vi: 'Lô hàng không tồn tại hoặc không công khai.',
    en: 'This batch does not exist or is not public.',
  },

  // Stamps: issue, revoke, print.
  positiveNumber: { vi: 'Hãy nhập một số nguyên dương.', en: 'Enter a positive whole number.' },
  issueCount: {
    vi: 'Số tem phải từ 1 đến {maxVi}.',
    en: 'The number of stamps must be between 1 and {maxEn}.',
  },
  serialRangeInvalid: { vi: 'Khoảng số sê-ri không hợp lệ.', en: 'The serial range is invalid.' },
  revokeReasonRequired: {
    vi: 'Hãy ghi lý do thu hồi.',
    en: 'Please give a reason for the revocation.',
  },
  revokeReasonTooLong: {
    vi: 'Lý do tối đa 500 ký tự.',
    en: 'The reason has at most 500 characters.',
  },
  revokeNotIssued: {
    vi: 'Khoảng thu hồi có số chưa được phát hành.',
    en: 'The range includes serials that were never issued.',
  },
  labelLayoutUnknown: { vi: 'Khổ tem không hợp lệ.', en: 'Unknown label layout.' },
  noPublicUrl: {
    vi: 'Máy chủ chưa cấu hình địa chỉ https (PUBLIC_URL) nên chưa in được tem.',
    en: 'The server has no https address configured (PUBLIC_URL), so stamps cannot be printed.',
  },
  printCount: {
    vi: 'Mỗi lần in từ 1 đến {maxVi} tem.',
    en: 'Print 1 to {maxEn} stamps at a time.',
  },
  notIssuedYet: {
    vi: 'Khoảng số này chưa được phát hành xong.',
    en: 'These serials have not been issued (yet).',
  },
  allRevoked: {
    vi: 'Mọi tem trong khoảng này đã bị thu hồi.',
    en: 'Every stamp in this range was revoked.',
  },

  // Scans: why a stamp is not genuine.
  forged: {
    vi: 'Mã xác thực không khớp: tem không do Chợ Phiên cấp hoặc đã bị sửa.',
    en: 'The authenticator does not match: this stamp was not issued by Chợ Phiên or has been altered.',
  },
  serialNeverIssued: {
    vi: 'Số sê-ri này chưa từng được phát hành.',
    en: 'This serial number was never issued.',
  },
  notStampUrl: {
    vi: 'Đây không phải địa chỉ tem truy xuất.',
    en: 'This is not a stamp address.',
  },
  foreignHost: {
    vi: 'Tem này không thuộc trang của chúng tôi.',
    en: 'This stamp belongs to another site.',
  },
  badPath: {
    vi: 'Địa chỉ phải có dạng /01/GTIN/10/LÔ/21/SỐ-SÊ-RI.',
    en: 'The path must be /01/GTIN/10/LOT/21/SERIAL.',
  },
  badGtin: {
    vi: 'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số.',
    en: 'A GTIN has 8, 12, 13 or 14 digits.',
  },
  badCheckDigit: {
    vi: 'Số kiểm tra của mã GTIN không đúng.',
    en: 'The GTIN check digit is wrong.',
  },
  badLot: {
    vi: 'Mã lô không hợp lệ (tối đa 20 ký tự GS1).',
    en: 'The lot is invalid (at most 20 GS1 characters).',
  },
  badSerial: {
    vi: 'Số sê-ri không hợp lệ (tối đa 20 ký tự GS1).',
    en: 'The serial is invalid (at most 20 GS1 characters).',
  },
  badAuthenticator: {
    vi: 'Thiếu hoặc sai mã xác thực của tem.',
    en: 'The stamp authenticator is missing or malformed.',
  },
  badCode: {
    vi: 'Mã tem phải có dạng LÔ-SỐ-MÃXÁCTHỰC.',
    en: 'A stamp code looks like BATCH-SERIAL-AUTHENTICATOR.',
  },
  badBatch: { vi: 'Mã lô trong tem không hợp lệ.', en: 'The batch reference is invalid.' },

  // Buyer reports.
  reportMessageShort: {
    vi: 'Hãy mô tả điều bất thường (ít nhất 10 ký tự).',
    en: 'Describe what looks wrong (at least 10 characters).',
  },
  reportMessageLong: { vi: 'Nội dung tối đa 2.000 ký tự.', en: 'At most 2,000 characters.' },
  reportContactLong: {
    vi: 'Thông tin liên hệ tối đa 200 ký tự.',
    en: 'Contact details have at most 200 characters.',
  },
  reportBatchNotFound: { vi: 'Không tìm thấy lô hàng.', en: 'Batch not found.' },
  reportRateLimited: {
    vi: 'Bạn đã gửi quá nhiều báo cáo. Thử lại sau {minutes} phút.',
    en: 'Too many reports. Try again in {minutes} minutes.',
  },
});

/** Journey steps of a batch (EPCIS business steps), and the correction of an earlier event. */
export const journeyStepNames = defineMessages('journeyStep', {
  planting: { vi: 'Gieo trồng', en: 'Sowing or planting' },
  care: { vi: 'Chăm sóc (phân bón, thuốc BVTV)', en: 'Care (fertiliser, pesticide)' },
  harvest: { vi: 'Thu hoạch', en: 'Harvest' },
  processing: { vi: 'Chế biến', en: 'Processing' },
  packaging: { vi: 'Đóng gói', en: 'Packaging' },
  inspection: { vi: 'Kiểm nghiệm', en: 'Inspection or lab test' },
  shipping: { vi: 'Vận chuyển', en: 'Shipping' },
  correction: { vi: 'Đính chính', en: 'Correction' },
});
