import { defineMessages } from '../messages';

/** Community digital technology teams (tổ công nghệ số cộng đồng), issue 17 and decision 017. */
export const communityHelperMessages = defineMessages('communityHelpers', {
  roleOption: {
    vi: 'Tổ công nghệ số cộng đồng (đăng và sửa sản phẩm)',
    en: 'Community digital technology team (lists and edits products)',
  },
  roleName: { vi: 'tổ công nghệ số', en: 'digital technology team' },
  auditBy: { vi: '{name} (tổ công nghệ số)', en: '{name} (digital technology team)' },
  pageTitle: {
    vi: 'Tổ công nghệ số cộng đồng',
    en: 'Community digital technology teams',
  },
  heading: {
    vi: 'Tổ công nghệ số đã giúp hợp tác xã lên sàn — {province}',
    en: 'Digital technology teams helping cooperatives get online — {province}',
  },
  summary: {
    vi: '{helpers} tài khoản tổ công nghệ số đã làm việc cho {cooperatives} hợp tác xã.',
    en: '{helpers} digital technology team accounts have worked for {cooperatives} cooperatives.',
  },
  empty: {
    vi: 'Chưa có tổ công nghệ số nào đăng sản phẩm cho hợp tác xã trong tỉnh. Chủ hợp tác xã mời tổ từ trang “Tổ chức” của mình.',
    en: 'No digital technology team has listed products for a cooperative in this province yet. Cooperative owners invite a team from their organization page.',
  },
  colHelper: { vi: 'Tài khoản tổ công nghệ số', en: 'Team account' },
  colCooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  colCreated: { vi: 'Sản phẩm đã tạo', en: 'Listings created' },
  colEdited: { vi: 'Sản phẩm đã sửa', en: 'Listings edited' },
  colPeriod: { vi: 'Từ – đến', en: 'From – to' },
  link: {
    vi: 'Tổ công nghệ số cộng đồng đã giúp những hợp tác xã nào',
    en: 'Which digital technology teams helped which cooperatives',
  },
});
