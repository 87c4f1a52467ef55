/**
 * The facts of the accessibility statement (saavutettavuusseloste, Act 306/2019 on the Provision of Digital
 * Services) that are not translations. The municipality deploying the app replaces FEEDBACK_EMAIL with its own
 * accessibility feedback address (the law requires a working channel), and updates the dates when it re-assesses.
 */
export const ACCESSIBILITY_STATEMENT = {
  /** PLACEHOLDER: the municipality's accessibility feedback address. */
  feedbackEmail: 'saavutettavuus@demokaupunki.fi',
  /** When the statement was drawn up and last reviewed (ISO dates). */
  preparedOn: '2026-11-23',
  reviewedOn: '2026-11-23',
  /** The supervisory authority since 1.1.2025: Traficom's accessibility supervision. */
  authority: {
    web: 'https://www.saavutettavuusvaatimukset.fi',
    email: 'saavutettavuus@traficom.fi',
    phone: '029 534 5000',
  },
} as const;
