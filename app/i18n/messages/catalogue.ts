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
