/**
 * The answers restify gives on its own (a body too large, not JSON, an unknown route, a handler that threw) in
 * the API's error shape: `{ error: { code, message } }` with the message in the caller's language, and never
 * the internal error's text (it may hold data).
 */
import type { Request } from 'restify';
import type { LocalisedText } from '../domain/locale';
import { requestLocale } from '../http-kit/api-error';
import { API_MESSAGES } from '../http-kit/api-messages';

const TRANSPORT_MESSAGES = {
  'request.tooLarge': {
    fi: 'Pyyntö on liian suuri.',
    sv: 'Begäran är för stor.',
    en: 'The request is too large.',
  },
  'request.malformed': {
    fi: 'Pyynnön sisältö ei ollut kelvollista JSONia.',
    sv: 'Begärans innehåll var inte giltig JSON.',
    en: 'The request body was not valid JSON.',
  },
  'request.unsupportedMediaType': {
    fi: 'Pyynnön sisältötyyppiä ei tueta. Lähetä JSON (application/json).',
    sv: 'Begärans innehållstyp stöds inte. Skicka JSON (application/json).',
    en: 'The request’s content type is not supported. Send JSON (application/json).',
  },
  'request.methodNotAllowed': {
    fi: 'Tätä toimintoa ei voi tehdä tähän osoitteeseen.',
    sv: 'Den här åtgärden kan inte göras på den här adressen.',
    en: 'This method is not allowed at this address.',
  },
} satisfies Record<string, LocalisedText>;

type TransportCode =
  keyof typeof TRANSPORT_MESSAGES | 'request.invalid' | 'request.notFound' | 'server.error';

export function transportErrorCode(status: number, name: string): TransportCode {
  if (status === 413) return 'request.tooLarge';
  if (status === 415) return 'request.unsupportedMediaType';
  if (status === 405) return 'request.methodNotAllowed';
  if (status === 404) return 'request.notFound';
  if (name === 'InvalidContentError') return 'request.malformed';
  return status >= 500 ? 'server.error' : 'request.invalid';
}

const textOf = (code: TransportCode): LocalisedText =>
  code in TRANSPORT_MESSAGES
    ? TRANSPORT_MESSAGES[code as keyof typeof TRANSPORT_MESSAGES]
    : API_MESSAGES[code as 'request.invalid' | 'request.notFound' | 'server.error'];

/** The body restify sends for one of its errors, in the caller's language. */
export function transportErrorBody(
  req: Request,
  error: { statusCode?: number; name: string },
): { error: { code: string; message: string } } {
  const code = transportErrorCode(error.statusCode ?? 500, error.name);
  return { error: { code, message: textOf(code)[requestLocale(req, 'fi')] } };
}
