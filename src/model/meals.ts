/**
 * When calcium and vitamins arrive in a simulated day. Splitting intake into meals matters: absorption saturates
 * per load (64 % of a 15 mg load but 29 % of a 500 mg load, HEANEY_1990), so the same daily intake in one bolus is
 * absorbed less well. The schedule itself is ILLUSTRATIVE (a common three-meal day).
 */
export interface Meal {
  readonly name: 'breakfast' | 'lunch' | 'dinner';
  /** Minute of the day the meal is eaten. */
  readonly minute: number;
  /** Share of each daily intake eaten at this meal. */
  readonly share: number;
}

export const MEALS: readonly Meal[] = Object.freeze([
  { name: 'breakfast', minute: 7 * 60 + 30, share: 0.25 },
  { name: 'lunch', minute: 12 * 60 + 30, share: 0.35 },
  { name: 'dinner', minute: 18 * 60 + 30, share: 0.4 },
]);

export const MINUTES_PER_DAY = 1440;

/** The meal eaten at this minute of the day, if any. */
export function mealAt(minuteOfDay: number): Meal | undefined {
  return MEALS.find((meal) => meal.minute === minuteOfDay);
}
