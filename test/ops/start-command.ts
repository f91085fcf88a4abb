// The production start path, in one place: the Dockerfile's CMD, the systemd unit's ExecStart and the
// tests that start the built bot all use this command (after `npm run build`).
export const PRODUCTION_START = ["node", "dist/main.js"] as const;
