import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Public, Roles } from '../auth';
import type { RequestContext } from '../graphql';
import type { Actor } from '../tenancy';
import {
  AcceptInvitationInput, AdminChangePageType, SentInvitationPageType, AdministrationOverviewType, AdminMunicipalityType, AdminProviderType, AdminSubRegionType, ChangeUserRoleInput,
  InvitationDetailsType, InviteUserInput, ManagedUserPageType, ManagedUserType, RemoveSubRegionInput, SaveManagedProviderInput, SaveMunicipalityInput,
  SaveSubRegionInput, SentInvitationType, SetUserActiveInput,
} from './administration.types';
import { InvitationsService } from './invitations.service';
import { OrganisationsAdminService } from './organisations-admin.service';
import { MAX_USER_PAGE, UsersAdminService } from './users-admin.service';

/** The portal's address as the caller reached it, for the link in an invitation. */
function portalBase(ctx: RequestContext): string {
  const origin = ctx.req.headers.origin;
  if (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  return `${ctx.req.protocol}://${ctx.req.headers.host ?? 'localhost'}`;
}

@Resolver()
export class AdministrationResolver {
  constructor(
    private readonly organisations: OrganisationsAdminService,
    private readonly users: UsersAdminService,
    private readonly invitations: InvitationsService,
  ) {}

  @Roles('ADMIN')
  @Query(() => AdministrationOverviewType, { description: 'Beheer: de gemeenten (CBS-code, OIN, subregio), subregio\'s en aanbieders van de eigen regio.' })
  administration(@CurrentActor() actor: Actor): Promise<AdministrationOverviewType> {
    return this.organisations.overview(actor);
  }

  @Roles('ADMIN')
  @Mutation(() => AdminMunicipalityType, { description: 'Beheer: voeg een gemeente toe of wijzig naam, CBS-code, OIN of subregio.' })
  saveMunicipality(@CurrentActor() actor: Actor, @Args('input') input: SaveMunicipalityInput): Promise<AdminMunicipalityType> {
    return this.organisations.saveMunicipality(actor, input);
  }

  @Roles('ADMIN')
  @Mutation(() => AdminSubRegionType, { description: 'Beheer: maak een subregio aan of geef haar een andere naam.' })
  saveSubRegion(@CurrentActor() actor: Actor, @Args('input') input: SaveSubRegionInput): Promise<AdminSubRegionType> {
    return this.organisations.saveSubRegion(actor, input);
  }

  @Roles('ADMIN')
  @Mutation(() => Boolean, { description: 'Beheer: verwijder een subregio die geen perceel gebruikt.' })
  removeSubRegion(@CurrentActor() actor: Actor, @Args('input') input: RemoveSubRegionInput): Promise<boolean> {
    return this.organisations.removeSubRegion(actor, input);
  }

  @Roles('ADMIN')
  @Mutation(() => AdminProviderType, { description: 'Beheer: registreer een aanbieder of wijzig naam, KvK-nummer en keurmerk.' })
  saveManagedProvider(@CurrentActor() actor: Actor, @Args('input') input: SaveManagedProviderInput): Promise<AdminProviderType> {
    return this.organisations.saveProvider(actor, input);
  }

  @Roles('ADMIN', 'PROVIDER_USER')
  @Query(() => ManagedUserPageType, { description: `Beheer: een pagina (hoogstens ${MAX_USER_PAGE}) gebruikers van de organisaties die u beheert.` })
  managedUsers(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId: string | null,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<ManagedUserPageType> {
    return this.users.users(actor, organisationId, limit, offset);
  }

  @Roles('ADMIN', 'PROVIDER_USER')
  @Query(() => SentInvitationPageType, { description: `Beheer: een pagina (hoogstens ${MAX_USER_PAGE}) verzonden uitnodigingen, nieuwste eerst, met het totaal.` })
  sentInvitationPage(
    @CurrentActor() actor: Actor,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<SentInvitationPageType> {
    return this.users.sentInvitations(actor, limit, offset);
  }

  @Roles('ADMIN', 'PROVIDER_USER')
  @Query(() => AdminChangePageType, { description: 'Beheer: de geschiedenis van wijzigingen (wie, wanneer, wat), nieuwste eerst.' })
  adminChanges(
    @CurrentActor() actor: Actor,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<AdminChangePageType> {
    return this.users.changes(actor, limit, offset);
  }

  @Roles('ADMIN', 'PROVIDER_USER')
  @Mutation(() => SentInvitationType, { description: 'Beheer: nodig iemand per e-mail uit; de link werkt één keer en een week lang.' })
  inviteUser(@CurrentActor() actor: Actor, @Args('input') input: InviteUserInput, @Context() ctx: RequestContext): Promise<SentInvitationType> {
    return this.users.invite(actor, input, portalBase(ctx));
  }

  @Roles('ADMIN', 'PROVIDER_USER')
  @Mutation(() => ManagedUserType, { description: 'Beheer: wijzig de rol van een gebruiker (alleen een rol die bij de organisatie past).' })
  changeUserRole(@CurrentActor() actor: Actor, @Args('input') input: ChangeUserRoleInput): Promise<ManagedUserType> {
    return this.users.changeRole(actor, input);
  }

  @Roles('ADMIN', 'PROVIDER_USER')
  @Mutation(() => ManagedUserType, { description: 'Beheer: deactiveer een gebruiker (kan niet meer inloggen, alle sessies eindigen) of activeer hem weer.' })
  setUserActive(@CurrentActor() actor: Actor, @Args('input') input: SetUserActiveInput): Promise<ManagedUserType> {
    return this.users.setActive(actor, input);
  }

  @Public()
  @Query(() => InvitationDetailsType, { description: 'Een uitnodiging (via de link uit de e-mail): voor wie en tot wanneer.' })
  invitation(@Args('token') token: string): Promise<InvitationDetailsType> {
    return this.invitations.details(token);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Neem een uitnodiging aan: kies een wachtwoord; daarna kunt u inloggen.' })
  acceptInvitation(@Args('input') input: AcceptInvitationInput): Promise<boolean> {
    return this.invitations.accept(input);
  }
}
