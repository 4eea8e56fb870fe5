/**
 * A vitamin K-dependent (Gla) protein such as osteocalcin or MGP, beside the vitamin K cycle that activates it.
 * Two parallel regions:
 *  - protein: made uncarboxylated (glu); carboxylated to gla by GGCX; gla binds mineral; any form is cleared.
 *  - vitaminK: quinone is reduced to the hydroquinone (KH2); carboxylation spends KH2 and leaves the epoxide;
 *    VKORC1 recycles the epoxide to quinone. Warfarin blocks that recycling; fresh vitamin K from food can still
 *    replace a spent molecule, which is why vitamin K intake changes how warfarin works (SCIENCE.md §1.6, §5.3).
 * Guards here are the point: carboxylation is only possible while reduced vitamin K is present.
 */
import { and, assign, not, setup, stateIn } from 'xstate';

export interface GlaContext {
  readonly warfarin: boolean;
}

export type GlaEvent =
  | { type: 'REDUCE' }
  | { type: 'CARBOXYLATE' }
  | { type: 'RECYCLE' }
  | { type: 'NEW_VITAMIN_K' }
  | { type: 'BIND_MINERAL' }
  | { type: 'CLEAR' }
  | { type: 'SET_WARFARIN'; on: boolean };

export const glaMachine = setup({
  types: {
    context: {} as GlaContext,
    events: {} as GlaEvent,
    input: {} as { warfarin?: boolean } | undefined,
  },
  guards: {
    hasReducedVitaminK: stateIn({ vitaminK: 'hydroquinone' }),
    proteinIsGlu: stateIn({ protein: 'glu' }),
    warfarinBlocksRecycling: ({ context }) => context.warfarin,
  },
}).createMachine({
  id: 'glaProtein',
  type: 'parallel',
  context: ({ input }) => ({ warfarin: input?.warfarin ?? false }),
  on: {
    SET_WARFARIN: { actions: assign({ warfarin: ({ event }) => event.on }) },
  },
  states: {
    protein: {
      initial: 'glu',
      states: {
        glu: {
          on: { CARBOXYLATE: { target: 'gla', guard: 'hasReducedVitaminK' }, CLEAR: 'cleared' },
        },
        gla: { on: { BIND_MINERAL: 'bound', CLEAR: 'cleared' } },
        bound: { on: { CLEAR: 'cleared' } },
        cleared: { type: 'final' },
      },
    },
    vitaminK: {
      initial: 'quinone',
      states: {
        quinone: { on: { REDUCE: 'hydroquinone' } },
        hydroquinone: {
          on: { CARBOXYLATE: { target: 'epoxide', guard: and(['proteinIsGlu', 'hasReducedVitaminK']) } },
        },
        epoxide: {
          on: {
            RECYCLE: { target: 'quinone', guard: not('warfarinBlocksRecycling') },
            NEW_VITAMIN_K: 'quinone',
          },
        },
      },
    },
  },
});
