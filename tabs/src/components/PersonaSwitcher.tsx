import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { DevMode } from '../auth/useSession';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}`,
    color: tokens.colorNeutralForeground1,
  },
  note: { margin: 0, flexGrow: 1, flexShrink: 1, flexBasis: '20rem' },
  // A native select is as wide as its longest option; the grid track lets it shrink to the field instead.
  field: {
    flexGrow: 0,
    flexShrink: 1,
    flexBasis: '28rem',
    minWidth: 0,
    gridTemplateColumns: 'minmax(0, 1fr)',
  },
});

/**
 * The local dev mode only (no Entra app): act as a demo person. The service signs a token for them with its
 * local key and checks it with the same code that checks Entra tokens.
 */
export function PersonaSwitcher({ dev }: { dev: DevMode }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root} role="region" aria-label={t('dev.region')}>
      <p className={styles.note}>{t('dev.note')}</p>
      <Field label={t('dev.persona')} className={styles.field}>
        <Select value={dev.current.personId} onChange={(_, data) => dev.choose(data.value)}>
          {dev.personas.map((persona) => (
            <option key={persona.personId} value={persona.personId}>
              {t('dev.personaOption', {
                name: persona.name,
                roles: persona.roles.map((role) => t(`role.${role}`)).join(', '),
              })}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
