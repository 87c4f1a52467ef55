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
import { ApiError } from '../api/http';
import { erasePerson } from '../api/privacy';
import { errorMessage } from '../components/ErrorState';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nContext';
import { AuditLogList } from './AuditLogList';
import { DataExportButton } from './DataExportButton';
import { LiveMessage, type ActionMessage } from '../components/LiveMessage';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** HR looks up a person by their HR-system id: the log about them, and their data export. */
export function PersonLookup({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  return (
    <Section title={t('privacy.lookup.heading')}>
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          const id = draft.trim();
          setPersonId(id.length > 0 ? id : null);
        }}
      >
        <Field label={t('privacy.lookup.personId')}>
          <Input value={draft} onChange={(_event, data) => setDraft(data.value)} />
        </Field>
        <Button type="submit">{t('privacy.lookup.show')}</Button>
      </form>
      {personId ? (
        <div className={styles.column}>
          <h3>{t('privacy.lookup.resultHeading', { id: personId })}</h3>
          <DataExportButton api={api} personId={personId} />
          <AuditLogList key={personId} api={api} personId={personId} />
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
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const id = personId.trim();

  const erase = async () => {
    setBusy(true);
    try {
      const { erased } = await erasePerson(api, id, confirmation.trim());
      const count = Object.values(erased).reduce((sum, n) => sum + (n ?? 0), 0);
      setMessage({ intent: 'success', text: t('privacy.erase.done', { id, count }) });
      setPersonId('');
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('invalidResponse', String(error));
      setMessage({ intent: 'error', text: errorMessage(apiError, t) });
    } finally {
      setBusy(false);
      setOpen(false);
      setConfirmation('');
    }
  };

  return (
    <Section title={t('privacy.erase.heading')}>
      <p>{t('privacy.erase.intro')}</p>
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          if (id.length > 0) {
            setMessage(null);
            setOpen(true);
          }
        }}
      >
        <Field label={t('privacy.lookup.personId')}>
          <Input value={personId} onChange={(_event, data) => setPersonId(data.value)} />
        </Field>
        <Button type="submit" disabled={id.length === 0}>
          {t('privacy.erase.button')}
        </Button>
      </form>
      <LiveMessage message={message} role="status" />
      {/* Mounted only while open: a closed Fluent dialog still leaves focus-trap elements on the page. */}
      {open ? (
        <Dialog modalType="alert" open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
          <DialogSurface>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void erase();
              }}
            >
              <DialogBody>
                <DialogTitle>{t('privacy.erase.confirmTitle', { id })}</DialogTitle>
                <DialogContent className={styles.column}>
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
