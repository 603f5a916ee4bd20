// Notices from the trade office to a cooperative: read and unread; merged into vi.ts/en.ts.
export const viNotices = {
  ntTitle: 'Thông báo — Chợ Phiên',
  ntHeading: 'Thông báo từ Sở Công Thương',
  ntUnreadCount: '{n} thông báo chưa đọc',
  ntNew: 'Mới',
  ntMarkAllRead: 'Đánh dấu đã đọc tất cả',
  ntMarkedRead: 'Đã đánh dấu đã đọc tất cả thông báo.',
  ntNone: 'Chưa có thông báo nào.',
  ntAll: 'Tất cả thông báo',
};

export const enNotices: typeof viNotices = {
  ntTitle: 'Notices — Chợ Phiên',
  ntHeading: 'Notices from the trade office',
  ntUnreadCount: '{n} unread notices',
  ntNew: 'New',
  ntMarkAllRead: 'Mark all as read',
  ntMarkedRead: 'All notices marked as read.',
  ntNone: 'No notices yet.',
  ntAll: 'All notices',
};
