// Cart, checkout, orders and payments strings, Vietnamese first; merged into app/i18n/vi.ts and en.ts.
export const viOrders = {
  cart: 'Giỏ hàng',
  myOrders: 'Đơn hàng của tôi',
  findOrder: 'Tra cứu đơn hàng',
  paymentsAdmin: 'Thanh toán',
  payoutsAdmin: 'Chi trả',
  quantity: 'Số lượng',
  addToCart: 'Thêm vào giỏ',
};

export const enOrders: typeof viOrders = {
  cart: 'Cart',
  myOrders: 'My orders',
  findOrder: 'Find an order',
  paymentsAdmin: 'Payments',
  payoutsAdmin: 'Payouts',
  quantity: 'Quantity',
  addToCart: 'Add to cart',
};
