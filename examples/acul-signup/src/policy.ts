/** The consent policy the screens show; the pre-user-registration Action is deployed with the same one. */
import { parsePolicy } from '@assent/core';
import json from '../consent-policy.json';

export const policy = parsePolicy(json);
