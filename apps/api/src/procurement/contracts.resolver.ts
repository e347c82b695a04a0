import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graphql';
import { contractKeurmerkWarnings, type ContractStatus, type LotSubject } from '@inburgering/domain';
import { Clock } from '../clock';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { toContractType } from './contract.repository';
import { ContractStatusGql, ContractType, ContractVersionType, ContractWarningType, CreateContractInput, UpdateContractInput } from './contract.types';
import { ContractsService } from './contracts.service';
import { procurementLoaders } from './procurement-loaders';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { toRequirementType } from './quality.repository';
import { QualityRequirementType } from './quality.types';
import { StartMomentType } from './start-moment.types';

@Resolver(() => ContractType)
export class ContractsResolver {
  constructor(
    private readonly contractsService: ContractsService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Roles('PROJECTLEIDER', 'ADMIN', 'PROVIDER_USER')
  @Query(() => [ContractType], { description: 'Contracten: voor de regio die op de eigen percelen, voor een aanbieder de eigen.' })
  async contracts(
    @CurrentActor() actor: Actor,
    @Args('lotId', { type: () => ID, nullable: true }) lotId: string | null,
    @Args('status', { type: () => ContractStatusGql, nullable: true }) status: ContractStatusGql | null,
  ): Promise<ContractType[]> {
    return (await this.contractsService.list(actor, lotId, status)).map(toContractType);
  }

  @Roles('PROJECTLEIDER', 'ADMIN', 'PROVIDER_USER')
  @Query(() => ContractType)
  async contract(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ContractType> {
    return toContractType(await this.contractsService.get(actor, id));
  }

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Mutation(() => ContractType, { description: 'Gun een perceel van de eigen regio aan een aanbieder.' })
  async createContract(@CurrentActor() actor: Actor, @Args('input') input: CreateContractInput): Promise<ContractType> {
    return toContractType(await this.contractsService.create(actor, input));
  }

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Mutation(() => ContractType, { description: 'Wijzig een contract; de wijziging komt met reden in de historie.' })
  async updateContract(@CurrentActor() actor: Actor, @Args('input') input: UpdateContractInput): Promise<ContractType> {
    return toContractType(await this.contractsService.update(actor, input));
  }

  @ResolveField(() => [ContractVersionType], { description: 'Wie wat wanneer wijzigde, nieuwste eerst.' })
  history(@Parent() contract: ContractType, @Context() ctx: RequestContext): Promise<ContractVersionType[]> {
    return procurementLoaders(ctx, this.db).contractHistory.load(contract.id);
  }

  @ResolveField(() => [StartMomentType], { description: 'De instroommomenten die de aanbieder op dit contract heeft opgegeven.' })
  startMoments(@Parent() contract: ContractType, @Context() ctx: RequestContext): Promise<StartMomentType[]> {
    return procurementLoaders(ctx, this.db).contractStartMoments.load(contract.id);
  }

  @ResolveField(() => [QualityRequirementType], { description: 'De kwaliteitseisen van dit contract met hun perioden.' })
  async qualityRequirements(@Parent() contract: ContractType, @Context() ctx: RequestContext): Promise<QualityRequirementType[]> {
    const today = this.clock.today();
    return (await procurementLoaders(ctx, this.db).contractRequirements.load(contract.id)).map(({ requirement, evidence }) => toRequirementType(requirement, evidence, today));
  }

  @ResolveField(() => [ContractWarningType], { description: 'Waarschuwingen, bijvoorbeeld een concept voor de B1- of Z-route bij een aanbieder zonder geldig keurmerk.' })
  warnings(@Parent() contract: ContractType): ContractWarningType[] {
    return contractKeurmerkWarnings({
      subject: contract.subject as LotSubject,
      status: contract.status as ContractStatus,
      provider: { keurmerkValidUntil: contract.providerKeurmerkValidUntil, isTaalschakelInstitution: contract.providerIsTaalschakelInstitution },
      today: this.clock.today(),
    });
  }
}
