/** The privacy API's refusals in fi, sv and en, by stable code (the shared codes are in http-kit/api-messages.ts). */
import type { LocalisedText } from '../domain/locale';
import { ApiError } from '../http-kit/api-error';

export const PRIVACY_MESSAGES = {
  'privacy.personNotFound': {
    fi: 'Henkilöstä ei ole tietoja tässä organisaatiossa.',
    sv: 'Det finns inga uppgifter om personen i denna organisation.',
    en: 'There is no data about this person in this organisation.',
  },
  'privacy.cannotEraseSelf': {
    fi: 'Et voi poistaa omia tietojasi. Pyydä toista henkilöstöpalveluiden käyttäjää tekemään poisto.',
    sv: 'Du kan inte radera dina egna uppgifter. Be någon annan inom personalservicen göra det.',
    en: 'You cannot erase your own data. Ask someone else in HR to do it.',
  },
  'privacy.confirmationMismatch': {
    fi: 'Vahvistus ei vastaa poistettavaa henkilöä. Mitään ei poistettu.',
    sv: 'Bekräftelsen motsvarar inte personen som ska raderas. Inget raderades.',
    en: 'The confirmation does not match the person to erase. Nothing was erased.',
  },
  'privacy.notErased': {
    fi: 'Tällä henkilönumerolla ei ole poistettua henkilöä, joten tuontia ei tarvitse sallia.',
    sv: 'Det finns ingen raderad person med detta person-id, så importen behöver inte tillåtas.',
    en: 'No erased person has this person id, so there is no import to allow.',
  },
} satisfies Record<string, LocalisedText>;

export type PrivacyMessageCode = keyof typeof PRIVACY_MESSAGES;

export function privacyRefusal(status: number, code: PrivacyMessageCode): ApiError {
  return new ApiError(status, code, PRIVACY_MESSAGES[code]);
}
