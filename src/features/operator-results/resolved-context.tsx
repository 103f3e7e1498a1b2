import * as z from 'zod/mini';
import { JsonTree } from './json-tree';

const knowledgeSource = z.looseObject({ baseId: z.optional(z.string()), sourceId: z.optional(z.string()) });

const contextSchema = z.looseObject({
  memory: z.optional(
    z.nullable(
      z.looseObject({ profileId: z.optional(z.nullable(z.string())), memoryStoreId: z.optional(z.nullable(z.string())) }),
    ),
  ),
  knowledge: z.optional(z.nullable(z.looseObject({ sources: z.optional(z.nullable(z.array(knowledgeSource))) }))),
});

const Code = ({ children }: { children: string }) => <code className="font-mono text-xs break-all">{children}</code>;

/** The memory profile and knowledge sources the operator was given; anything else as a tree. */
export function ResolvedContext({ context }: { context: Record<string, unknown> }) {
  const parsed = contextSchema.safeParse(context);
  if (!parsed.success) return <JsonTree value={context} label="Resolved context as a tree" />;
  const { memory, knowledge } = parsed.data;
  const sources = knowledge?.sources ?? [];
  return (
    <dl className="mt-2 space-y-3 text-sm">
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Memory profile</dt>
        <dd>
          {memory?.profileId ? <Code>{memory.profileId}</Code> : 'None'}
          {memory?.memoryStoreId && (
            <span className="block text-slate-600 dark:text-slate-400">
              store <Code>{memory.memoryStoreId}</Code>
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Knowledge sources</dt>
        <dd>
          {sources.length === 0 ? (
            'None'
          ) : (
            <ul className="space-y-1">
              {sources.map((source, index) => (
                <li key={index}>
                  <Code>{source.sourceId ?? '(no source ID)'}</Code>
                  {source.baseId && (
                    <span className="text-slate-600 dark:text-slate-400">
                      {' '}
                      in <Code>{source.baseId}</Code>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
