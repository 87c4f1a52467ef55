/**
 * What one request owes the privacy audit log for the discussion its card shows. Every card of a discussion
 * shows its content, so the read is owed from the moment the viewer exists (`viewerFor`), and it is written
 * before the card is returned (`settle`). When the action changed the discussion, the change is written in its
 * place: the changed card is what the actor sees, so the change entry also says the record was read (one
 * insert, not two). The viewer's copies (`{ ...viewer, record }`) share this object, so it is written once.
 */
import type { AuditEvent } from '../domain/audit-entry';
import type { AuditTrail } from '../storage/audit-trail';

export class OwedAuditEntry {
  private owed: AuditEvent | null;

  constructor(
    private readonly audit: AuditTrail,
    read: AuditEvent,
  ) {
    this.owed = read;
  }

  /** Writes the owed read, or `change` in its place; later calls write nothing more. */
  async settle(change?: AuditEvent): Promise<void> {
    const event = change ?? this.owed;
    this.owed = null;
    if (event) await this.audit.record(event);
  }
}
