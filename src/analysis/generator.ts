/**
 * The analyzer as a W3C Agent (model §3.3.2): every machine finding names it,
 * with its version, as the annotation's `generator`.
 */
import type { Agent } from '../annotations/model.ts';

/** Bump when a detector or matcher changes what it finds; kept equal to package.json's version by a test. */
export const ANALYZER_VERSION = '0.2.0';

export const ANALYZER: Agent = {
  id: 'urn:x-reader:analyzer',
  type: 'Software',
  name: `Chile reader analyzer ${ANALYZER_VERSION}`,
  'schema:softwareVersion': ANALYZER_VERSION,
};
