// GetUserMFAStatus: "true if the user passed multi-factor authentication in the Microsoft
// Advertising web application". This server signs users in with a password or a token it issued,
// never with MFA, so the answer is always false.
import type { Handler } from '../context.js';

export const getUserMFAStatus: Handler<'GetUserMFAStatus'> = async () => ({ MFAStatus: false });
