/** Each person's own language: the chat command and its card, and the personal tab's setting. */
import { apiAuth } from '../api/auth/api-auth';
import { registerLanguageRoutes } from '../api/language-routes';
import { LANGUAGE_VERB, languageCardAction, languageCommand } from '../chat/language-command';
import type { Feature } from './feature';

export const languageFeature: Feature = (context) => {
  const { repositories } = context;
  const kit = { auth: apiAuth(context), now: context.now };
  return {
    routes: [
      (server) =>
        registerLanguageRoutes(server, kit, repositories.languageChoices, async (person) => {
          // The identity carries the language in effect; the tab also shows the HR record's own.
          return (await repositories.people.findPerson(person.tenantId, person.id))?.locale ?? person.locale;
        }),
    ],
    commands: [languageCommand()],
    cardActions: { [LANGUAGE_VERB]: languageCardAction(repositories.languageChoices, context.now) },
  };
};
