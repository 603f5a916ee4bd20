// The demo composition: seeds the demo across domains. Only the server, scripts and tests import it
// (eslint: architecture/domain-boundaries).
export { seedDemo, type DemoSeedOptions } from './seed.server';
