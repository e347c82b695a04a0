import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../../auth';
import type { Actor } from '../../tenancy';
import { HourImportService, MAX_IMPORT_PAGE } from './hour-import.service';
import { ApplyImportInput, ImportBatchPageType, ImportBatchType } from './import.types';

@Resolver()
export class HourImportsResolver {
  constructor(private readonly importService: HourImportService) {}

  @Roles('PROVIDER_USER')
  @Query(() => ImportBatchType, { description: 'Voortgang, status en fouten van één urenimport.' })
  importBatch(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ImportBatchType> {
    return this.importService.get(actor, id);
  }

  @Roles('PROVIDER_USER')
  @Query(() => ImportBatchPageType, { description: `Eén pagina (hoogstens ${MAX_IMPORT_PAGE}) urenimports van de eigen organisatie, nieuwste eerst (zonder foutenlijst), met het totaal.` })
  importBatchPage(
    @CurrentActor() actor: Actor,
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<ImportBatchPageType> {
    return this.importService.page(actor, limit, offset);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => ImportBatchType, { description: 'Importeer een goedgekeurde proefimport echt; dezelfde sleutel nogmaals versturen importeert niet opnieuw.' })
  applyImport(@CurrentActor() actor: Actor, @Args('input') input: ApplyImportInput): Promise<ImportBatchType> {
    return this.importService.applyDryRun(actor, input);
  }
}
