/** GTIN-8/12/13/14 check digit (GS1 General Specifications §7.9): weights 3,1,3,… from the right. */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(value: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(value)) return false;
  return gtinCheckDigit(value.slice(0, -1)) === Number(value.at(-1));
}

/** Pads any valid GTIN to the 14 digits GS1 Digital Link and AI (01) use. */
export function toGtin14(value: string): string {
  return value.padStart(14, '0');
}
