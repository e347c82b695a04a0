import type { OrganisationKind, UserRole } from '../database';

/** The authenticated user acting in a request; services take it as an explicit argument. */
export interface Actor {
  userId: string;
  role: UserRole;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** The region of the actor's organisation (a region itself, or a municipality's region); null for providers. */
  regionId: string | null;
  /**
   * A consultant of a shared service (uitvoeringsdienst): the service and the municipalities it works for, in name order.
   * Per request such an actor acts for one of them (`actingFor`), and is then that municipality's tenant.
   */
  sharedService?: { id: string; municipalityIds: readonly string[] } | null;
  /** The request this actor acts in (set on the per-request copy): the jobs it causes carry it into their log lines. */
  requestId?: string;
}
