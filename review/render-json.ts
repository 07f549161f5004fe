import { Review } from './model';
import { REPLACE_ON_CHANGE_SOURCE, SNOWFLAKE_REPLACE_ON_CHANGE_SOURCE } from './replace-on-change';
import { RISK_CLASSES, impactOf } from './risk';

/** The full review as JSON (never truncated; no secret values). */
export function renderJson(review: Review): string {
  return `${JSON.stringify(
    {
      changes: review.risk !== undefined,
      risk: review.risk ?? null,
      classes: review.classes.map((c) => ({ ...c, title: RISK_CLASSES[c.class].title, impact: impactOf(c.class, c.level) })),
      replaceOnChangeSource: REPLACE_ON_CHANGE_SOURCE,
      snowflakeReplaceOnChangeSource: SNOWFLAKE_REPLACE_ON_CHANGE_SOURCE,
      environments: review.environments,
    },
    null,
    2,
  )}\n`;
}
