// The records behind GetNotifications that are not derived from other entities: the operator's
// own messages, each user's dismissals, and the pending client links a client has to answer.

export interface OperatorNotificationRecord {
  id: bigint;
  /** Addressed to the users of one customer, to one user, or (both null) to everyone. */
  customerId: bigint | null;
  userId: bigint | null;
  /** Notification.Severity: 1 information, 2 warning, 3 action required. */
  severity: number;
  title: string;
  message: string;
  createdTime: Date;
  expiresTime: Date | null;
}
export type NewOperatorNotification = Omit<OperatorNotificationRecord, 'id'>;

/** One dismissed notification: its type and id (DismissNotifications' Value and Key). */
export interface NotificationKey {
  typeId: number;
  notificationId: bigint;
}

/** The few facts of a client link a notification about it needs. */
export interface ClientLinkInvitation {
  id: bigint;
  type: 'AccountLink' | 'CustomerLink';
  clientEntityId: bigint;
  managingCustomerId: bigint;
  name: string | null;
  lastModifiedTime: Date;
}
