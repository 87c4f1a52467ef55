import { MessageBar, MessageBarBody, type MessageBarProps } from '@fluentui/react-components';

/** The outcome of what the user just did: saved, refused, or a conflict to look at. */
export interface ActionMessage {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
}

/**
 * An action's outcome in a live region, so a screen reader announces it without moving focus. The region is
 * always on the page (an announcement needs a region that already exists); the message comes and goes in it.
 */
export function LiveMessage({
  message,
  role,
  layout,
  politeness = 'polite',
}: {
  message: ActionMessage | null;
  /** `status` where the region is the form's own status line. */
  role?: 'status';
  layout?: MessageBarProps['layout'];
  /** `assertive` where the message must interrupt: a refusal inside a dialog the user is acting in. */
  politeness?: 'polite' | 'assertive';
}) {
  return (
    <div role={role} aria-live={politeness}>
      {message ? (
        <MessageBar intent={message.intent} layout={layout}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
