import { defineMessages } from '../messages';

/** Catalogue: organizations, listings, OCOP claims, imports. */
export const catalogueMessages = defineMessages('catalogue', {
  organizationNameLength: {
    vi: 'Tên tổ chức cần 3–150 ký tự.',
    en: 'The name needs 3–150 characters.',
  },
  organizationKindRequired: {
    vi: 'Hãy chọn loại hình tổ chức.',
    en: 'Choose the kind of organization.',
  },
  provinceRequired: { vi: 'Hãy chọn tỉnh.', en: 'Choose a province.' },
  communeRequired: { vi: 'Hãy chọn xã, phường.', en: 'Choose a commune or ward.' },
  communeNotInProvince: {
    vi: 'Xã/phường không thuộc tỉnh đã chọn.',
    en: 'The commune is not in the chosen province.',
  },
  taxCodeFormat: {
    vi: 'Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang, 3 chữ số).',
    en: 'A tax code is 10 digits (or 10 digits, a dash and 3 digits).',
  },
  phoneInvalid: {
    vi: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).',
    en: 'Invalid phone number (e.g. 0912 345 678).',
  },
  organizationNameTaken: {
    vi: 'Tỉnh này đã có tổ chức cùng tên. Hãy liên hệ chủ tổ chức để được mời vào.',
    en: 'An organization with this name already exists in this province. Ask its owner to invite you.',
  },
  unknownAction: { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' },
  organizationReasonRequired: {
    vi: 'Hãy ghi lý do từ chối để hợp tác xã biết cần sửa gì.',
    en: 'Give a reason so the cooperative knows what to fix.',
  },
  nothingToResubmit: {
    vi: 'Tổ chức không ở trạng thái cần bổ sung hay bị từ chối, không cần gửi duyệt lại.',
    en: 'The organization was not sent back or rejected; there is nothing to resubmit.',
  },

  // Members
  inviteIdentifierInvalid: {
    vi: 'Hãy nhập số điện thoại Việt Nam hoặc e-mail của người được mời.',
    en: 'Enter the Vietnamese phone number or e-mail of the person to invite.',
  },
  alreadyMember: { vi: 'Người này đã là thành viên.', en: 'This person is already a member.' },
  noSuchMember: { vi: 'Không có thành viên này.', en: 'No such member.' },
  /** The invitation e-mail: its subject in Vietnamese; its body in both languages, one after the other. */
  invitationSubject: {
    vi: 'Lời mời tham gia {organization} trên Chợ Phiên',
    en: 'An invitation to join {organization} on Chợ Phiên',
  },
  invitationText: {
    vi: 'Bạn được mời tham gia {organization} trên Chợ Phiên. Hãy đăng ký bằng địa chỉ e-mail này tại {url} để nhận lời mời.',
    en: 'You are invited to join {organization} on Chợ Phiên: sign up with this e-mail at {url}.',
  },
  lastOwner: {
    vi: 'Không thể xoá chủ sở hữu cuối cùng. Hãy mời một chủ sở hữu khác trước.',
    en: 'You cannot remove the last owner. Invite another owner first.',
  },

  // Listings
  productNameTaken: {
    vi: 'Hợp tác xã đã có sản phẩm cùng tên.',
    en: 'Your organization already has a product with this name.',
  },
  gtinTaken: {
    vi: 'Mã GTIN này đã được dùng cho sản phẩm khác.',
    en: 'This GTIN is already used by another product.',
  },
  organizationNotApproved: {
    vi: 'Chỉ sản phẩm của tổ chức đã được duyệt mới được đăng bán. Hãy duyệt hợp tác xã trước.',
    en: 'Only products of an approved organization can be published. Approve the organization first.',
  },
  rejectionReasonRequired: { vi: 'Hãy ghi lý do từ chối.', en: 'Give a reason for rejecting.' },
  changesNoteRequired: {
    vi: 'Hãy ghi cần bổ sung gì để hợp tác xã biết cách sửa.',
    en: 'Say what needs changing so the cooperative knows what to fix.',
  },
  listingStepForbidden: {
    vi: 'Bạn không có quyền thực hiện bước này.',
    en: 'You are not allowed to take this step.',
  },
  listingStepIllegal: {
    vi: 'Không thể thực hiện khi sản phẩm ở trạng thái “{status}”.',
    en: 'Not possible while the listing is “{status}”.',
  },
  photoRequired: { vi: 'Hãy chọn hoặc chụp một ảnh.', en: 'Choose or take a photo.' },
  fileTooLarge: { vi: 'Tệp quá lớn: tối đa 10 MB.', en: 'The file is too large: 10 MB at most.' },
  logoRequired: { vi: 'Hãy chọn ảnh logo.', en: 'Choose a logo image.' },

  // The listing form
  productNameLength: {
    vi: 'Tên sản phẩm cần 3–150 ký tự.',
    en: 'The product name needs 3–150 characters.',
  },
  groupRequired: { vi: 'Hãy chọn nhóm sản phẩm.', en: 'Choose a product group.' },
  unitRequired: {
    vi: 'Hãy nhập đơn vị tính (ví dụ: gói, hộp, kg).',
    en: 'Enter the unit (e.g. pack, box, kg).',
  },
  priceInvalid: {
    vi: 'Giá phải là số đồng nguyên dương, ví dụ 120000 hoặc 120.000.',
    en: 'The price must be a positive whole number of đồng, e.g. 120000 or 120.000.',
  },
  weightInvalid: {
    vi: 'Khối lượng là số gam nguyên dương.',
    en: 'The weight is a positive whole number of grams.',
  },
  gtinInvalid: {
    vi: 'Mã vạch GTIN sai (độ dài hoặc số kiểm tra).',
    en: 'The GTIN is invalid (length or check digit).',
  },
  descriptionTooLong: {
    vi: 'Mô tả tối đa 5.000 ký tự.',
    en: 'The description is 5,000 characters at most.',
  },
  originCommuneInvalid: { vi: 'Xã, phường không hợp lệ.', en: 'Invalid commune.' },

  // OCOP claims
  ocopStarsInvalid: {
    vi: 'Hạng OCOP phải là 3, 4 hoặc 5 sao.',
    en: 'OCOP stars must be 3, 4 or 5.',
  },
  certificateNoRequired: {
    vi: 'Hãy nhập số giấy chứng nhận.',
    en: 'Enter the certificate number.',
  },
  issuerRequired: { vi: 'Hãy nhập cơ quan cấp.', en: 'Enter the issuing authority.' },
  issuedOnInvalid: {
    vi: 'Ngày cấp không hợp lệ (dd/mm/yyyy).',
    en: 'Invalid issue date (dd/mm/yyyy).',
  },
  expiresOnInvalid: {
    vi: 'Ngày hết hạn không hợp lệ hoặc trước ngày cấp.',
    en: 'The expiry date is invalid or before the issue date.',
  },

  // Stock
  stockDeltaInvalid: {
    vi: 'Số lượng thay đổi phải là số nguyên khác 0.',
    en: 'The change must be a whole number other than 0.',
  },
  stockReasonRequired: {
    vi: 'Hãy ghi lý do (ví dụ: nhập hàng mới, hàng hỏng).',
    en: 'Give a reason (e.g. new harvest, damaged goods).',
  },
  stockBelowZero: {
    vi: 'Tồn kho không thể âm (hiện có {stock}).',
    en: 'Stock cannot go below zero (now {stock}).',
  },
  stockChanged: {
    vi: 'Tồn kho vừa thay đổi, hãy tải lại trang và thử lại.',
    en: 'Stock just changed; reload and try again.',
  },
  outOfStock: {
    vi: '“{name}” không còn đủ {quantity} {unit}. Vui lòng xem lại giỏ hàng.',
    en: '“{name}” no longer has {quantity} {unit} left. Please review your cart.',
  },

  // CSV import (seller channel)
  csvRequired: { vi: 'Hãy chọn tệp CSV.', en: 'Choose a CSV file.' },
  csvTooLarge: { vi: 'Tệp CSV tối đa 2 MB.', en: 'The CSV file is 2 MB at most.' },
});

/** A listing's status as the seller and the officer see it. */
export const listingStatusNames = defineMessages('listingStatus', {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Waiting for review' },
  published: { vi: 'Đang bán', en: 'Published' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  archived: { vi: 'Đã lưu trữ', en: 'Archived' },
  changes_requested: { vi: 'Cần bổ sung', en: 'Changes requested' },
});

/** An organization's review state, on the seller's home. */
export const organizationStateNames = defineMessages('organizationState', {
  pending: { vi: 'Chờ duyệt', en: 'Waiting for review' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  changes_requested: { vi: 'Cần bổ sung', en: 'Changes requested' },
});

/** The six OCOP product groups (codes are the catalogue's `OCOP_GROUPS`). */
export const ocopGroupNames = defineMessages('ocopGroup', {
  food: { vi: 'Thực phẩm', en: 'Food' },
  beverage: { vi: 'Đồ uống', en: 'Beverages' },
  herbal: { vi: 'Thảo dược', en: 'Herbal products' },
  textile: { vi: 'Vải và may mặc', en: 'Textiles & garments' },
  souvenir: { vi: 'Lưu niệm – nội thất – trang trí', en: 'Souvenirs, furniture & decoration' },
  tourism: {
    vi: 'Dịch vụ du lịch cộng đồng, du lịch nông thôn',
    en: 'Community & rural tourism',
  },
});
