import { Form } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { MAX_LINE_QUANTITY } from '~/orders';

/** Quantity and "add to cart": a plain POST form, so it works without JavaScript. */
export function AddToCart({ productId, stock }: { productId: number; stock: number }) {
  const { t } = useI18n();
  if (stock < 1) return null;
  return (
    <Form method="post" action="/gio-hang" className="add-to-cart inline-form">
      <input type="hidden" name="productId" value={productId} />
      <label htmlFor="add-quantity">{t('quantity')}</label>
      <input
        id="add-quantity"
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={Math.min(stock, MAX_LINE_QUANTITY)}
        defaultValue={1}
        required
      />
      <button type="submit" name="intent" value="add">
        {t('addToCart')}
      </button>
    </Form>
  );
}
