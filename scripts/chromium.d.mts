/** Debian's Chromium unless CHROME_PATH names another Chrome or Chromium. */
export function chromiumPath(): string;
/** Flags for a root user on a closed network. */
export const CHROMIUM_ARGS: readonly string[];
