/**
 * The API's error messages in fi, sv and en, by stable code. Clients act on the code; the message is for
 * the person reading the screen, in their language.
 */
import type { Locale, LocalisedText } from '../domain/locale';
import { localisedText } from '../i18n/translate';

export const API_MESSAGES = {
  'auth.missingToken': {
    fi: 'Kirjautuminen puuttuu. Avaa sovellus uudelleen Teamsissa.',
    sv: 'Inloggningen saknas. Öppna appen på nytt i Teams.',
    en: 'You are not signed in. Open the app again in Teams.',
  },
  'auth.invalidToken': {
    fi: 'Kirjautumista ei voitu varmistaa. Avaa sovellus uudelleen Teamsissa.',
    sv: 'Inloggningen kunde inte verifieras. Öppna appen på nytt i Teams.',
    en: 'Your sign-in could not be verified. Open the app again in Teams.',
  },
  'auth.tokenExpired': {
    fi: 'Kirjautuminen on vanhentunut. Päivitä sivu.',
    sv: 'Inloggningen har gått ut. Uppdatera sidan.',
    en: 'Your sign-in has expired. Refresh the page.',
  },
  'auth.tenantNotAllowed': {
    fi: 'Organisaatiosi ei käytä Osaamiskelloa.',
    sv: 'Din organisation använder inte Osaamiskello.',
    en: 'Your organisation does not use Osaamiskello.',
  },
  'auth.keysUnavailable': {
    fi: 'Kirjautumista ei juuri nyt voida tarkistaa. Yritä hetken kuluttua uudelleen.',
    sv: 'Inloggningen kan inte kontrolleras just nu. Försök igen om en stund.',
    en: 'Sign-in cannot be checked right now. Please try again in a moment.',
  },
  'auth.personNotFound': localisedText('person.notLinked'),
  'auth.forbidden': {
    fi: 'Sinulla ei ole oikeutta tähän.',
    sv: 'Du har inte behörighet till detta.',
    en: 'You do not have permission for this.',
  },
  'request.invalid': {
    fi: 'Pyyntö ei ollut kelvollinen.',
    sv: 'Begäran var ogiltig.',
    en: 'The request was not valid.',
  },
  'request.notFound': {
    fi: 'Tietoa ei löytynyt.',
    sv: 'Uppgiften hittades inte.',
    en: 'The item was not found.',
  },
  'request.rateLimited': {
    fi: 'Liian monta pyyntöä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
    sv: 'För många förfrågningar på kort tid. Vänta en stund och försök igen.',
    en: 'Too many requests in a short time. Wait a moment and try again.',
  },
  'request.controlCharacters': {
    fi: 'Teksti sisältää näkymättömiä ohjausmerkkejä (esim. tekstin suuntaa kääntäviä). Poista ne ja yritä uudelleen.',
    sv: 'Texten innehåller osynliga styrtecken (t.ex. sådana som vänder textens riktning). Ta bort dem och försök igen.',
    en: 'The text contains invisible control characters (such as ones that reverse the text direction). Remove them and try again.',
  },
  'dev.personNotFound': {
    fi: 'Henkilöä ei ole tässä organisaatiossa.',
    sv: 'Personen finns inte i denna organisation.',
    en: 'The person is not in this organisation.',
  },
  'dev.personNotLinked': {
    fi: 'Henkilöllä ei ole Entra-tunnusta, joten hän ei voi kirjautua.',
    sv: 'Personen har inget Entra-id och kan därför inte logga in.',
    en: 'The person has no Entra id, so they cannot sign in.',
  },
  'server.error': {
    fi: 'Jokin meni vikaan. Mitään ei tallennettu. Yritä hetken kuluttua uudelleen.',
    sv: 'Något gick fel. Inget sparades. Försök igen om en stund.',
    en: 'Something went wrong. Nothing was saved. Please try again in a moment.',
  },
} satisfies Record<string, LocalisedText>;

export type ApiMessageCode = keyof typeof API_MESSAGES;

export function apiMessage(code: ApiMessageCode, locale: Locale): string {
  return API_MESSAGES[code][locale];
}
