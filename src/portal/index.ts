/** The portal's public door: one-time-code login for citizens and enterprises, their data, and who read it. */
export { registerPortalRoutes, PORTAL_COOKIE } from './portal.routes.js';
export { OTP_RULES, sendLoginCode, verifyLoginCode } from './otp.service.js';
export type { OtpRules, PortalDeps } from './otp.service.js';
export { otpSenderFor, logOtpSender, webhookOtpSender } from './otp.sender.js';
export type { OtpSender, OtpMessage } from './otp.sender.js';
export { purgePortalLeftovers } from './portal-session.service.js';
export { AccessEntryView } from './portal.contract.js';
