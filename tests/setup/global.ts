// Global set-up for Vitest: shared, expensive resources are started once here.
export default async function setup() {
  return async () => {};
}
