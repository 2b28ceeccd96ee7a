/**
 * The Action's place on the pre-user-registration trigger. Auth0 runs an Action only while it is
 * bound to a trigger, and neither creating nor deploying one binds it: a deployment that left it
 * unbound would show the partials while no signup is ever checked or recorded.
 */
import type { ManagementClient } from 'auth0';
import { call } from './deploy-error.js';
import { lineDiff } from './diff.js';

const TRIGGER = 'pre-user-registration';

/** A planned binding change: what the deploy reports, and the write that makes it. */
export interface BindingPlan {
  readonly call: string;
  readonly diff: string;
  readonly write: () => Promise<unknown>;
}

/**
 * Reads the trigger's bindings and, when no binding runs the Action named `actionName`, plans one
 * more at the end: the bindings already there keep their place and order.
 */
export async function planBinding(management: ManagementClient, actionName: string): Promise<BindingPlan | undefined> {
  const listing = `GET /api/v2/actions/triggers/${TRIGGER}/bindings`;
  const bindings = await call(listing, async () => {
    const all = [];
    for await (const binding of await management.actions.triggers.bindings.list(TRIGGER, { per_page: 50 })) all.push(binding);
    return all;
  });
  if (bindings.some((binding) => binding.action?.name === actionName)) return undefined;
  const description = `PATCH /api/v2/actions/triggers/${TRIGGER}/bindings`;
  const names = bindings.map((binding) => binding.display_name ?? binding.action?.name ?? binding.id ?? '');
  return {
    call: description,
    diff: lineDiff(names.join('\n'), [...names, actionName].join('\n')),
    write: () =>
      call(description, () =>
        management.actions.triggers.bindings.updateMany(TRIGGER, {
          bindings: [
            ...bindings.map((binding) => ({ ref: { type: 'binding_id' as const, value: binding.id ?? '' }, ...(binding.display_name === undefined ? {} : { display_name: binding.display_name }) })),
            { ref: { type: 'action_name' as const, value: actionName }, display_name: actionName },
          ],
        }),
      ),
  };
}
