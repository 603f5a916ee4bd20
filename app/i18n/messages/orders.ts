import { defineMessages } from '../messages';

/** Orders: cart, checkout, the order state machine, fulfilment, the cooperative ledger and payouts. */
export const ordersMessages = defineMessages('orders', {
  // Checkout: recipient and delivery address.
  contactNameLength: {
    vi: 'Nhập họ tên người nhận (2–100 ký tự).',
    en: 'Enter the recipient’s name (2–100 characters).',
  },
  contactPhoneInvalid: {
    vi: 'Số điện thoại không đúng, ví dụ 0912 345 678.',
    en: 'That phone number is not valid, e.g. 0912 345 678.',
  },
  contactEmailInvalid: {
    vi: 'Địa chỉ e-mail không đúng.',
    en: 'That e-mail address is not valid.',
  },
  streetLength: {
    vi: 'Nhập số nhà, đường, thôn/bản (3–200 ký tự).',
    en: 'Enter the house number, street or village (3–200 characters).',
  },
  noteTooLong: {
    vi: 'Ghi chú tối đa 500 ký tự.',
    en: 'The note can be at most 500 characters.',
  },
  deliveryProvinceRequired: {
    vi: 'Chọn tỉnh, thành phố nhận hàng.',
    en: 'Choose the delivery province.',
  },
  deliveryCommuneRequired: {
    vi: 'Chọn xã, phường thuộc tỉnh đã chọn.',
    en: 'Choose a commune or ward of the chosen province.',
  },
  paymentMethodUnavailable: {
    vi: 'Chọn một cách thanh toán có sẵn.',
    en: 'Choose an available payment method.',
  },
  cartVersionMissing: {
    vi: 'Thiếu phiên bản giỏ hàng: hãy xem lại đơn trước khi đặt.',
    en: 'The cart version is missing: review the order before placing it.',
  },
  cartChanged: {
    vi: 'Giỏ hàng vừa thay đổi (giá hoặc số lượng còn lại). Vui lòng xem lại trước khi đặt hàng.',
    en: 'Your cart has just changed (price or stock). Please review it before ordering.',
  },
  cartEmpty: { vi: 'Giỏ hàng đang trống.', en: 'Your cart is empty.' },

  // Cart.
  productUnknown: { vi: 'Sản phẩm không hợp lệ.', en: 'Unknown product.' },
  productGone: {
    vi: 'Sản phẩm này không còn bán.',
    en: 'This product is no longer for sale.',
  },
  soldOut: { vi: '“{name}” đã hết hàng.', en: '“{name}” is sold out.' },
  quantityRange: {
    vi: 'Số lượng phải là số nguyên từ {min} đến {max}.',
    en: 'The quantity must be a whole number from {min} to {max}.',
  },
  unknownAction: { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' },

  // Finding orders.
  orderNotFound: { vi: 'Không tìm thấy đơn hàng.', en: 'Order not found.' },
  checkoutNotFound: { vi: 'Không tìm thấy đơn đặt hàng.', en: 'Checkout not found.' },
  organizationNotFound: { vi: 'Không tìm thấy tổ chức.', en: 'Organization not found.' },
  orderNotFoundLookUp: {
    vi: 'Không tìm thấy đơn hàng. Hãy tra cứu bằng mã đơn và số điện thoại.',
    en: 'Order not found. Look it up with the order code and phone number.',
  },
  buyerOnly: {
    vi: 'Chỉ người mua thực hiện được thao tác này ở đây.',
    en: 'Only the buyer can do this here.',
  },
  orderCodeFormat: {
    vi: 'Nhập mã đơn (CP và 8 ký tự, ví dụ CP7KQ2MXHD) hoặc mã thanh toán (TT và 8 ký tự).',
    en: 'Enter an order code (CP and 8 characters, e.g. CP7KQ2MXHD) or a checkout code (TT and 8 characters).',
  },
  lookUpRateLimited: {
    vi: 'Bạn đã tra cứu quá nhiều lần. Thử lại sau {minutes} phút.',
    en: 'Too many lookups. Try again in {minutes} minutes.',
  },
  lookUpNoMatch: {
    vi: 'Không có đơn nào khớp mã đơn và số điện thoại này.',
    en: 'No order matches this code and phone number.',
  },

  // The order state machine.
  illegalTransition: {
    vi: 'Không thể thực hiện bước này khi đơn hàng ở trạng thái “{state}”.',
    en: 'This step is not possible while the order is “{state}”.',
  },
  nothingToRefund: {
    vi: 'Đơn hàng chưa được thanh toán nên không có gì để hoàn.',
    en: 'The order was never paid, so there is nothing to refund.',
  },
  needsReason: { vi: 'Cần nhập lý do.', en: 'Please give a reason.' },
  needsCarrier: { vi: 'Cần nhập đơn vị vận chuyển.', en: 'Please give the carrier.' },
  needsTrackingNumber: { vi: 'Cần nhập mã vận đơn.', en: 'Please give the tracking number.' },

  // Fulfilment.
  textTooLong: { vi: 'Tối đa {max} ký tự.', en: 'At most {max} characters.' },
  tooManyLots: {
    vi: 'Tối đa {max} mã lô cho một lần giao.',
    en: 'At most {max} lot codes per shipment.',
  },
  badLotCode: {
    vi: 'Mã lô "{code}" không hợp lệ: chỉ chữ, số và - . _ / (tối đa 40 ký tự).',
    en: 'Lot code "{code}" is not valid: letters, digits and - . _ / only (up to 40 characters).',
  },
  freeDeliveryThreshold: {
    vi: 'Ngưỡng miễn phí giao hàng phải là số đồng từ 1 đến 100.000.000, hoặc để trống.',
    en: 'The free-delivery threshold must be 1 to 100,000,000 đồng, or empty.',
  },

  // Delivery fees.
  weightGrams: {
    vi: 'Khối lượng phải là số gam nguyên dương.',
    en: 'The weight must be a positive whole number of grams.',
  },
  subtotalVnd: {
    vi: 'Tiền hàng phải là số đồng nguyên.',
    en: 'The subtotal must be a whole number of đồng.',
  },
  freeDeliveryFromVnd: {
    vi: 'Ngưỡng miễn phí giao hàng phải là số đồng nguyên dương.',
    en: 'The free-delivery threshold must be a positive whole number of đồng.',
  },
  provinceRequired: { vi: 'Cần chọn tỉnh, thành phố.', en: 'Please choose a province.' },

  // Payouts to cooperatives.
  payoutAmount: {
    vi: 'Số tiền chi trả phải là số đồng nguyên dương.',
    en: 'The payout must be a positive whole number of đồng.',
  },
  payoutReference: {
    vi: 'Hãy ghi mã giao dịch chuyển khoản hoặc nội dung chi trả (3–200 ký tự).',
    en: 'Enter the bank transaction id or a description (3–200 characters).',
  },
  payoutOverBalance: {
    vi: 'Số tiền vượt số dư hiện có ({balance} ₫).',
    en: 'The amount exceeds the balance ({balance} ₫).',
  },
});

/** The order states as buyers and cooperatives read them (`app/orders/order-state.ts`). */
export const orderStateNames = defineMessages('orderState', {
  placed: { vi: 'Đã đặt hàng', en: 'Order placed' },
  placedAwaitingPayment: { vi: 'Đã đặt, chờ thanh toán', en: 'Placed, awaiting payment' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  cod_accepted: { vi: 'Thanh toán khi nhận hàng', en: 'Cash on delivery' },
  accepted: { vi: 'Hợp tác xã đã nhận đơn', en: 'Accepted by the cooperative' },
  shipped: { vi: 'Đang giao', en: 'Shipped' },
  delivered: { vi: 'Đã giao', en: 'Delivered' },
  completed: { vi: 'Hoàn tất', en: 'Completed' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
  refunded: { vi: 'Đã hoàn tiền', en: 'Refunded' },
});

/** Payment methods, short (order lists, e-mails). */
export const paymentMethodNames = defineMessages('paymentMethod', {
  vietqr: { vi: 'Chuyển khoản VietQR', en: 'VietQR bank transfer' },
  card: { vi: 'Thẻ (Stripe)', en: 'Card (Stripe)' },
  cod: { vi: 'Tiền mặt khi nhận hàng', en: 'Cash on delivery' },
  vnpay: { vi: 'VNPay', en: 'VNPay' },
  momo: { vi: 'Ví MoMo', en: 'MoMo wallet' },
  zalopay: { vi: 'Ví ZaloPay', en: 'ZaloPay wallet' },
});

/**
 * The e-mails an order event sends, in Vietnamese only: buyers and cooperatives chose no language for
 * mail, and the site's default is Vietnamese.
 */
export const orderEmailText = {
  summary: (p: { code: string; organization: string; state: string; total: string }) => [
    `Đơn hàng ${p.code} — ${p.organization}`,
    `Trạng thái: ${p.state}`,
    `Tổng tiền: ${p.total}`,
  ],
  shipping: (carrier: string, tracking: string) =>
    `Vận chuyển: ${carrier} — mã vận đơn ${tracking}`,
  reason: (reason: string) => `Lý do: ${reason}`,
  subject: (code: string, state: string) => `[Chợ Phiên] Đơn ${code}: ${state}`,
  greeting: (name: string) => `Chào ${name},`,
  buyerFooter: 'Tra cứu đơn hàng bằng mã đơn và số điện thoại tại /tra-cuu-don-hang.',
  cooperativeFooter: 'Xem và xử lý đơn tại Kênh người bán → Đơn hàng.',
};
