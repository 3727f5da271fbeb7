import { fileURLToPath } from 'node:url';

/** Debian's Chromium; the suite never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The admin password the test server is started with. */
export const ADMIN_PASSWORD = 'e2e-admin-password-2026';
/** The demo accounts' password (src/registry/seed.ts). */
export const DEMO_PASSWORD = 'mianzheng-demo-2026';
