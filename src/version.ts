/** Kept in step with package.json (a unit test checks it), so reports name the exact tool version. */
export const TOOL_NAME = 'framelens';
export const TOOL_VERSION = '0.1.0';
