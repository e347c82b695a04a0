import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graphql';
import { CurrentActor, Roles } from '../auth';
import { OrganisationType } from '../organisations';
import type { Actor } from '../tenancy';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { lotLoaders } from './lot-loaders';
import { toLotType } from './lots.repository';
import { CreateLotInput, LotType } from './lot.types';
import { LotsService } from './lots.service';

@Resolver(() => LotType)
export class LotsResolver {
  constructor(
    private readonly lotsService: LotsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Roles('PROJECTLEIDER', 'ADMIN', 'CONSULTANT', 'PROVIDER_USER')
  @Query(() => [LotType], { description: 'De percelen die de gebruiker mag zien.' })
  async lots(@CurrentActor() actor: Actor): Promise<LotType[]> {
    return (await this.lotsService.visibleLots(actor)).map(toLotType);
  }

  @Roles('PROJECTLEIDER', 'ADMIN', 'CONSULTANT', 'PROVIDER_USER')
  @Query(() => LotType, { description: 'Eén perceel dat de gebruiker mag zien.' })
  async lot(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<LotType> {
    return toLotType(await this.lotsService.visibleLot(actor, id));
  }

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Mutation(() => LotType, { description: 'Maak een perceel aan in de eigen regio.' })
  async createLot(@CurrentActor() actor: Actor, @Args('input') input: CreateLotInput): Promise<LotType> {
    return toLotType(await this.lotsService.create(actor, input));
  }

  @ResolveField(() => [OrganisationType], { description: 'Aanbieders met een contract op dit perceel (voor een aanbieder: alleen zijzelf).' })
  async providers(@Parent() lot: LotType, @Context() ctx: RequestContext): Promise<OrganisationType[]> {
    const rows = await lotLoaders(ctx, this.db).lotProviders.load(lot.id);
    const own = ctx.actor?.organisationKind === 'PROVIDER' ? rows.filter((row) => row.id === ctx.actor?.organisationId) : rows;
    return own.map(OrganisationType.fromEntity);
  }

  @ResolveField(() => [OrganisationType], { description: 'De gemeenten die dit perceel dekt.' })
  async municipalities(@Parent() lot: LotType, @Context() ctx: RequestContext): Promise<OrganisationType[]> {
    return (await lotLoaders(ctx, this.db).lotMunicipalities.load(lot.id)).map(OrganisationType.fromEntity);
  }

  @ResolveField(() => OrganisationType, { nullable: true })
  async region(@Parent() lot: LotType, @Context() ctx: RequestContext): Promise<OrganisationType | null> {
    const row = await lotLoaders(ctx, this.db).organisation.load(lot.regionId);
    return row ? OrganisationType.fromEntity(row) : null;
  }
}
