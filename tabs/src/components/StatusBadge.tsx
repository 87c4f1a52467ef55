import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { DiscussionStatus, GoalStatus } from '../api/types';
import { useI18n } from '../i18n/I18nContext';

const DISCUSSION_COLORS: Record<DiscussionStatus, BadgeProps['color']> = {
  notScheduled: 'informative',
  scheduled: 'brand',
  prepared: 'brand',
  held: 'success',
  signed: 'success',
};

const GOAL_COLORS: Record<GoalStatus, BadgeProps['color']> = {
  open: 'informative',
  inProgress: 'brand',
  done: 'success',
  dropped: 'subtle',
};

/** Colour helps scanning a list; the text carries the meaning. */
export function DiscussionStatusBadge({ status }: { status: DiscussionStatus | null }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={DISCUSSION_COLORS[status ?? 'notScheduled']}>
      {t(`status.${status ?? 'notScheduled'}`)}
    </Badge>
  );
}

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={GOAL_COLORS[status]}>
      {t(`goalStatus.${status}`)}
    </Badge>
  );
}
