import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import { CalendarDateScalar, type RequestContext } from '../graphql';
import type { Actor } from '../tenancy';
import { PresenceGroupsService } from './presence-groups.service';
import { PresenceService } from './presence.service';
import {
  ClosePresenceLessonInput, CorrectPresenceInput, CreatePresenceGroupInput, MarkPresenceInput, PresenceCardInput, PresenceCardType, PresenceGroupType,
  PresenceLessonSummaryType, PresenceLessonType, PresenceTeacherType, SignInToLessonInput,
} from './presence.types';

@Resolver()
export class PresenceResolver {
  constructor(
    private readonly presence: PresenceService,
    private readonly groupsService: PresenceGroupsService,
  ) {}

  @Roles('TEACHER', 'PROVIDER_USER')
  @Query(() => [PresenceLessonSummaryType], { description: 'De lessen op een dag: voor een docent de eigen lessen, voor de aanbieder alle.' })
  presenceLessons(@CurrentActor() actor: Actor, @Args('date', { type: () => CalendarDateScalar }) date: string): Promise<PresenceLessonSummaryType[]> {
    return this.presence.lessonsOn(actor, date);
  }

  @Roles('TEACHER', 'PROVIDER_USER')
  @Query(() => CalendarDateScalar, { nullable: true, description: 'De eerste dag na deze datum met lessen (voor een docent: eigen lessen); leeg als er geen meer gepland zijn.' })
  presenceNextLessonDate(@CurrentActor() actor: Actor, @Args('after', { type: () => CalendarDateScalar }) after: string): Promise<string | null> {
    return this.presence.nextLessonDate(actor, after);
  }

  @Roles('TEACHER', 'PROVIDER_USER')
  @Query(() => PresenceLessonType, { description: 'De presentielijst van een les.' })
  presenceLesson(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<PresenceLessonType> {
    return this.presence.lesson(actor, id);
  }

  @Roles('TEACHER', 'PROVIDER_USER')
  @Query(() => [PresenceGroupType], { description: 'De groepen: voor een docent de groepen die hij of zij lesgeeft.' })
  presenceGroups(@CurrentActor() actor: Actor): Promise<PresenceGroupType[]> {
    return this.groupsService.groups(actor);
  }

  @Roles('PROVIDER_USER')
  @Query(() => [PresenceTeacherType], { description: 'De docenten van de aanbieder.' })
  presenceTeachers(@CurrentActor() actor: Actor): Promise<PresenceTeacherType[]> {
    return this.groupsService.teachers(actor);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => PresenceGroupType, { description: 'Maak een groep met inburgeraars, docent en weekrooster; de lessen volgen uit het rooster met de uitzonderingen.' })
  createPresenceGroup(@CurrentActor() actor: Actor, @Args('input') input: CreatePresenceGroupInput): Promise<PresenceGroupType> {
    return this.groupsService.create(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => PresenceCardType, { description: 'Geef een nieuwe aanmeldkaart uit (de vorige vervalt); de code wordt één keer getoond.' })
  issuePresenceCard(@CurrentActor() actor: Actor, @Args('input') input: PresenceCardInput): Promise<PresenceCardType> {
    return this.groupsService.issueCard(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => Boolean, { description: 'Trek de actieve aanmeldkaart in.' })
  revokePresenceCard(@CurrentActor() actor: Actor, @Args('input') input: PresenceCardInput): Promise<boolean> {
    return this.groupsService.revokeCard(actor, input);
  }

  @Roles('TEACHER')
  @Mutation(() => PresenceLessonType, { description: 'Een inburgeraar meldt zich aan (of af) met de eigen code of QR-kaart, alleen tijdens de les.' })
  signInToLesson(@CurrentActor() actor: Actor, @Args('input') input: SignInToLessonInput, @Context() ctx: RequestContext): Promise<PresenceLessonType> {
    return this.presence.signIn(actor, input, ctx.req.ip ?? 'onbekend');
  }

  @Roles('TEACHER')
  @Mutation(() => PresenceLessonType, { description: 'De docent legt afwezigheid met reden, te laat komen of eerder vertrek vast.' })
  markPresence(@CurrentActor() actor: Actor, @Args('input') input: MarkPresenceInput): Promise<PresenceLessonType> {
    return this.presence.mark(actor, input);
  }

  @Roles('TEACHER')
  @Mutation(() => PresenceLessonType, { description: 'Sluit de lijst af en teken met het eigen wachtwoord; daarna is hij niet meer te wijzigen.' })
  closePresenceLesson(@CurrentActor() actor: Actor, @Args('input') input: ClosePresenceLessonInput): Promise<PresenceLessonType> {
    return this.presence.close(actor, input);
  }

  @Roles('TEACHER', 'PROVIDER_USER')
  @Mutation(() => PresenceLessonType, { description: 'Corrigeer een afgesloten lijst: een nieuwe regel met reden; de oorspronkelijke blijft zichtbaar.' })
  correctPresence(@CurrentActor() actor: Actor, @Args('input') input: CorrectPresenceInput): Promise<PresenceLessonType> {
    return this.presence.correct(actor, input);
  }
}
