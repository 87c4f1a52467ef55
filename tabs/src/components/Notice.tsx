import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarProps,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A message bar with a title and a body under it (multi-line), and buttons that act on it where it has any. */
export function Notice({
  intent,
  title,
  actions,
  children,
}: {
  intent: MessageBarProps['intent'];
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}
