// The notification types this server produces (Notification.TypeId), their severity and their
// text per language. Texts are templates: {Name} is replaced by the AdditionalInfo value Name.

/** Notification.Severity values. */
export const SEVERITY = { information: 1, warning: 2, actionRequired: 3 } as const;

export const NOTIFICATION_TYPE = {
  AccountCreated: 1,
  PaymentMethodMissing: 2,
  ClientLinkAwaitingAcceptance: 3,
  InvitationExpiringSoon: 4,
  OperatorMessage: 5,
} as const;
export type NotificationTypeName = keyof typeof NOTIFICATION_TYPE;
export const NOTIFICATION_TYPE_IDS: ReadonlySet<number> = new Set(Object.values(NOTIFICATION_TYPE));

export const LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
interface Text { readonly title: string; readonly message: string }

/** Titles and messages; the operator's own messages carry their text, so they have none here. */
export const NOTIFICATION_TEXTS: Readonly<Record<Exclude<NotificationTypeName, 'OperatorMessage'>, Readonly<Record<Language, Text>>>> = {
  AccountCreated: {
    en: { title: 'New account', message: 'The account {AccountName} ({AccountNumber}) was created.' },
    fr: { title: 'Nouveau compte', message: 'Le compte {AccountName} ({AccountNumber}) a été créé.' },
    de: { title: 'Neues Konto', message: 'Das Konto {AccountName} ({AccountNumber}) wurde angelegt.' },
    es: { title: 'Cuenta nueva', message: 'Se creó la cuenta {AccountName} ({AccountNumber}).' },
  },
  PaymentMethodMissing: {
    en: { title: 'Payment method missing', message: 'Add a payment method to the account {AccountName} ({AccountNumber}) so that its ads can run.' },
    fr: { title: 'Moyen de paiement manquant', message: 'Ajoutez un moyen de paiement au compte {AccountName} ({AccountNumber}) pour que ses annonces soient diffusées.' },
    de: { title: 'Zahlungsmethode fehlt', message: 'Fügen Sie dem Konto {AccountName} ({AccountNumber}) eine Zahlungsmethode hinzu, damit seine Anzeigen geschaltet werden.' },
    es: { title: 'Falta el método de pago', message: 'Agregue un método de pago a la cuenta {AccountName} ({AccountNumber}) para que se publiquen sus anuncios.' },
  },
  ClientLinkAwaitingAcceptance: {
    en: { title: 'Client link awaiting your answer', message: '{ManagingCustomerName} asks to manage {ClientEntityName}. Accept or decline the link.' },
    fr: { title: 'Lien client en attente de réponse', message: '{ManagingCustomerName} demande à gérer {ClientEntityName}. Acceptez ou refusez le lien.' },
    de: { title: 'Kundenverknüpfung wartet auf Antwort', message: '{ManagingCustomerName} möchte {ClientEntityName} verwalten. Nehmen Sie die Verknüpfung an oder lehnen Sie sie ab.' },
    es: { title: 'Vínculo de cliente pendiente', message: '{ManagingCustomerName} solicita administrar {ClientEntityName}. Acepte o rechace el vínculo.' },
  },
  InvitationExpiringSoon: {
    en: { title: 'Invitation about to expire', message: 'The invitation sent to {Email} expires on {ExpirationDate}.' },
    fr: { title: 'Invitation sur le point d’expirer', message: 'L’invitation envoyée à {Email} expire le {ExpirationDate}.' },
    de: { title: 'Einladung läuft bald ab', message: 'Die Einladung an {Email} läuft am {ExpirationDate} ab.' },
    es: { title: 'Invitación a punto de caducar', message: 'La invitación enviada a {Email} caduca el {ExpirationDate}.' },
  },
};

/** The language of a locale ("fr-CA" → fr); anything unknown falls back to the default, en. */
export function languageOf(locale: string | null | undefined): Language {
  const lang = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'en';
}

export function fillTemplate(template: string, info: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => info[key] ?? m);
}

/** How recent an account must be to be announced, and how close an invitation's expiry. */
export const ACCOUNT_CREATED_WINDOW_DAYS = 30;
export const INVITATION_EXPIRY_WINDOW_DAYS = 7;
