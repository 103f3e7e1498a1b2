import { isId, type IdKind } from '../../api/ids';

/** An operator or a configuration a picker offers: the ID it filters by and the name it shows. */
export type Choice = { id: string; name: string };

/**
 * What a picker can offer from a list Twilio answered. The spec requires no field of an operator or
 * a configuration, and a filter is sent only with an ID in its pattern, so an entry without one
 * cannot be chosen and is left out; an ID listed twice (pages read while the account changes) is
 * offered once. Each is named by its display name, or by its ID when it has none.
 */
export function choicesOf(items: ReadonlyArray<{ id?: string | null; displayName?: string | null }>, kind: IdKind): Choice[] {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const { id, displayName } of items) {
    if (!id || !isId(kind, id) || seen.has(id)) continue;
    seen.add(id);
    choices.push({ id, name: displayName?.trim() || id });
  }
  return choices;
}
