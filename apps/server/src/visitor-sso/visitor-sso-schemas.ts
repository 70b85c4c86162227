import { Type } from 'typebox';

/** How a visitor page may identify the person: an emailed one-time link, the company's single sign-on, or both. */
export const IdentificationWays = Type.Object({
  email: Type.Boolean({ description: 'The page offers the emailed one-time link' }),
  sso: Type.Boolean({ description: 'The page offers "Sign in with your company account"' }),
});

export const VisitorIdentificationSetting = Type.Union([Type.Literal('email'), Type.Literal('sso'), Type.Literal('sso_or_email')], {
  description: "How visitors away from the kiosk identify for remote check-in and self-booking: 'email' (one-time link), 'sso' (company account only) or 'sso_or_email' (default); single sign-on needs WALKUP_OIDC_*",
});
