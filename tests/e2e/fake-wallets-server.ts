import { startFakeWallets } from '../helpers/fake-wallets';
import { E2E_WALLETS_PORT } from './env';

// Started by playwright.config.ts beside the app: the wallets' local test gateway for the browser tests.
const wallets = await startFakeWallets(E2E_WALLETS_PORT);
wallets.setAppUrl(`http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210)}`);
console.log(`fake wallets on ${wallets.url}`);
const stop = () => void wallets.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
