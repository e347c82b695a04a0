import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../../auth';
import type { Actor } from '../../tenancy';
import { HourImportService } from './hour-import.service';
import { ApplyImportInput, ImportBatchType } from './import.types';

@Resolver()
export class HourImportsResolver {
  constructor(private readonly importService: HourImportService) {}

  @Roles('PROVIDER_USER')
  @Query(() => ImportBatchType, { description: 'Voortgang, status en fouten van één urenimport.' })
  importBatch(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ImportBatchType> {
    return this.importService.get(actor, id);
  }

  @Roles('PROVIDER_USER')
  @Query(() => [ImportBatchType], { description: 'De laatste 20 urenimports van de eigen organisatie (zonder foutenlijst).' })
  importBatches(@CurrentActor() actor: Actor): Promise<ImportBatchType[]> {
    return this.importService.recent(actor);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => ImportBatchType, { description: 'Importeer een goedgekeurde proefimport echt; dezelfde sleutel nogmaals versturen importeert niet opnieuw.' })
  applyImport(@CurrentActor() actor: Actor, @Args('input') input: ApplyImportInput): Promise<ImportBatchType> {
    return this.importService.applyDryRun(actor, input);
  }
}
