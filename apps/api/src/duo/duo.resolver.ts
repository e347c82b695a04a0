import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { ConfigureDuoLinkInput, DuoContactPersonType, DuoLinkType, DuoMessagePageType, DuoMessageType, SetDuoContactPersonInput, WithdrawPipAtDuoInput } from './duo.types';
import { DuoService, MAX_REFUSED_PAGE } from './duo.service';

@Resolver(() => DuoMessageType)
export class DuoResolver {
  constructor(private readonly duo: DuoService) {}

  @Roles('CONSULTANT')
  @Query(() => [DuoMessageType], { description: 'De berichten aan DUO over één cliënt, nieuwste eerst, met hun status.' })
  duoMessages(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<DuoMessageType[]> {
    return this.duo.messagesOfClient(actor, clientId);
  }

  @Roles('CONSULTANT')
  @Query(() => DuoMessagePageType, { description: `Eén pagina (hoogstens ${MAX_REFUSED_PAGE}, nieuwste eerst) van de door DUO geweigerde berichten van de eigen gemeente die nog niet zijn opgelost, met het totaal.` })
  refusedDuoMessagePage(
    @CurrentActor() actor: Actor,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<DuoMessagePageType> {
    return this.duo.refused(actor, limit, offset);
  }

  @Roles('CONSULTANT')
  @Mutation(() => [DuoMessageType], { description: 'Trek het PIP van de cliënt in bij DUO (kan alleen zolang DUO nog geen termijn heeft vastgesteld en er nog geen cursusuren zijn doorgegeven).' })
  withdrawPipAtDuo(@CurrentActor() actor: Actor, @Args('input') input: WithdrawPipAtDuoInput): Promise<DuoMessageType[]> {
    return this.duo.withdrawPip(actor, input.clientId);
  }

  @Roles('CONSULTANT')
  @Query(() => DuoContactPersonType, { nullable: true, description: 'De contactpersoon van de gemeente die bij DUO aan de cliënt is gekoppeld (of wordt), met de status.' })
  duoContactPerson(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<DuoContactPersonType | null> {
    return this.duo.contactPerson(actor, clientId);
  }

  @Roles('CONSULTANT')
  @Mutation(() => DuoContactPersonType, { nullable: true, description: 'Leg de contactpersoon van uw gemeente voor de cliënt vast en geef die door aan DUO.' })
  setDuoContactPerson(@CurrentActor() actor: Actor, @Args('input') input: SetDuoContactPersonInput): Promise<DuoContactPersonType | null> {
    return this.duo.setContactPerson(actor, input);
  }

  @Roles('ADMIN')
  @Query(() => DuoLinkType, { nullable: true, description: 'De DUO-koppeling van een gemeente in de eigen regio.' })
  duoLink(@CurrentActor() actor: Actor, @Args('municipalityId', { type: () => ID }) municipalityId: string): Promise<DuoLinkType | null> {
    return this.duo.link(actor, municipalityId);
  }

  @Roles('ADMIN')
  @Mutation(() => DuoLinkType, { description: 'Stel de DUO-koppeling van een gemeente in de eigen regio in (OIN\'s, adres, certificaat) en zet hem aan of uit.' })
  configureDuoLink(@CurrentActor() actor: Actor, @Args('input') input: ConfigureDuoLinkInput): Promise<DuoLinkType> {
    return this.duo.configure(actor, input);
  }
}
