import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { fetchPersonIdentity, type PersonIdentity } from '../api/hrDesk';
import { allowReimport, erasePerson } from '../api/privacy';
import { useResource } from '../api/useResource';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nContext';
import { AuditLogList } from './AuditLogList';
import { DataExportButton } from './DataExportButton';
import { PersonIdForm } from './PersonIdForm';
import { useDialogMounted } from '../components/useDialogMounted';
import { LiveMessage } from '../components/LiveMessage';
import { useAction } from '../components/useAction';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Who the id is: name, service area and team, so HR sees whose data the log and export are. */
function PersonHeading({ api, personId }: { api: ApiClient; personId: string }) {
  const { t } = useI18n();
  const { state, retry } = useResource(
    (signal) => fetchPersonIdentity(api, personId, signal),
    `who-${personId}`,
  );
  if (state.status === 'loading') return <LoadingState label={t('privacy.person.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  return <h3>{identityText(state.data, t)}</h3>;
}

function identityText(identity: PersonIdentity, t: ReturnType<typeof useI18n>['t']): string {
  const { person, personId } = identity;
  if (!person) return t('privacy.person.notFound', { id: personId });
  return t('privacy.person.found', {
    name: person.name,
    id: personId,
    area: person.serviceArea ?? '–',
    team: person.team ?? '–',
  });
}

/** HR looks up a person by their HR-system id: the log about them, and their data export. */
export function PersonLookup({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  return (
    <Section title={t('privacy.lookup.heading')}>
      <PersonIdForm
        value={draft}
        onChange={setDraft}
        onSubmit={() => {
          const id = draft.trim();
          setPersonId(id.length > 0 ? id : null);
        }}
        submitLabel={t('privacy.lookup.show')}
      />
      {personId ? (
        <div className={styles.column}>
          <PersonHeading api={api} personId={personId} />
          <DataExportButton api={api} personId={personId} />
          <AuditLogList key={personId} api={api} source={{ kind: 'person', personId }} />
        </div>
      ) : null}
    </Section>
  );
}

/** Erasure on request of a person who has left, after typing their id again in a confirmation dialog. */
export function PersonErasure({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [personId, setPersonId] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [open, setOpen] = useState(false);
  const { busy, message, run } = useAction();
  const [identity, setIdentity] = useState<PersonIdentity | null>(null);
  const id = personId.trim();

  const mounted = useDialogMounted(open);

  /** Who is about to be erased, shown in the dialog before anything irreversible happens. */
  const lookUp = () =>
    run(async () => {
      setIdentity(await fetchPersonIdentity(api, id));
      setOpen(true);
      return null;
    });

  const erase = async () => {
    await run(async () => {
      const { erased } = await erasePerson(api, id, confirmation.trim());
      const count = Object.values(erased).reduce((sum, n) => sum + (n ?? 0), 0);
      setPersonId('');
      return t('privacy.erase.done', { id, count });
    });
    setOpen(false);
    setConfirmation('');
  };

  return (
    <Section title={t('privacy.erase.heading')}>
      <p>{t('privacy.erase.intro')}</p>
      <PersonIdForm
        value={personId}
        onChange={setPersonId}
        onSubmit={() => {
          if (id.length > 0) void lookUp();
        }}
        submitLabel={t('privacy.erase.button')}
        submitDisabled={id.length === 0 || busy}
      />
      <LiveMessage message={message} role="status" />
      {mounted ? (
        <Dialog modalType="alert" open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
          <DialogSurface>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void erase();
              }}
            >
              <DialogBody>
                <DialogTitle>
                  {identity?.person
                    ? t('privacy.erase.confirmTitleNamed', { name: identity.person.name, id })
                    : t('privacy.erase.confirmTitle', { id })}
                </DialogTitle>
                <DialogContent className={styles.column}>
                  <p>
                    {identity?.person
                      ? t('privacy.erase.unit', {
                          area: identity.person.serviceArea ?? '–',
                          team: identity.person.team ?? '–',
                        })
                      : t('privacy.erase.noPerson')}
                  </p>
                  <p>{t('privacy.erase.confirmBody')}</p>
                  <Field label={t('privacy.erase.confirmField')} required>
                    <Input value={confirmation} onChange={(_event, data) => setConfirmation(data.value)} />
                  </Field>
                </DialogContent>
                <DialogActions>
                  <Button appearance="secondary" onClick={() => setOpen(false)} disabled={busy}>
                    {t('privacy.erase.cancel')}
                  </Button>
                  <Button type="submit" appearance="primary" disabled={busy || confirmation.trim() !== id}>
                    {t('privacy.erase.confirm')}
                  </Button>
                </DialogActions>
              </DialogBody>
            </form>
          </DialogSurface>
        </Dialog>
      ) : null}
    </Section>
  );
}

/**
 * An erased person is not imported again from the HR system's export; when they return to work, HR allows the
 * import here, and the next people import brings them back.
 */
export function PersonReimport({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const [personId, setPersonId] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, message, setMessage, run } = useAction();

  const allow = async () => {
    const id = personId.trim();
    if (id.length === 0) {
      setMessage(null);
      setMissing(true);
      return;
    }
    await run(async () => {
      await allowReimport(api, id);
      setPersonId('');
      return t('privacy.reimport.done', { id });
    });
  };

  return (
    <Section title={t('privacy.reimport.heading')}>
      <p>{t('privacy.reimport.intro')}</p>
      <PersonIdForm
        value={personId}
        onChange={(value) => {
          setPersonId(value);
          setMissing(false);
        }}
        onSubmit={() => void allow()}
        submitLabel={t('privacy.reimport.button')}
        submitDisabled={busy}
        problem={missing ? t('privacy.reimport.required') : undefined}
      />
      <LiveMessage message={message} role="status" />
    </Section>
  );
}
