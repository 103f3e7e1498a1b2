import { infiniteQueryOptions, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meSchema } from '../../api/me';
import {
  agreementSchema,
  conversationReviewSchema,
  historyPageSchema,
  noteSchema,
  resultVerdictsSchema,
  reviewStatusSchema,
  verdictSchema,
  verdictWithdrawnSchema,
} from '../../api/review-answers';
import type { MeBody, NoteCreateBody, NoteEditBody, ReviewStatusBody, VerdictBody } from '../../api/review-requests';
import { getJson, sendJson } from '../../lib/api-client';
import { REVIEW_STATUSES_KEY } from '../../lib/review-statuses-key';

const enc = encodeURIComponent;

/** The review API's paths (src/server/reviews/), in one place. */
export const reviewPaths = {
  me: '/api/me',
  conversation: (conversationId: string) => `/api/reviews/conversations/${enc(conversationId)}`,
  status: (conversationId: string) => `/api/reviews/conversations/${enc(conversationId)}/status`,
  notes: (conversationId: string) => `/api/reviews/conversations/${enc(conversationId)}/notes`,
  note: (noteId: string) => `/api/reviews/notes/${enc(noteId)}`,
  history: (conversationId: string) => `/api/reviews/conversations/${enc(conversationId)}/history`,
  verdict: (conversationId: string, resultId: string) =>
    `/api/reviews/conversations/${enc(conversationId)}/results/${enc(resultId)}/verdict`,
  resultVerdicts: (resultId: string) => `/api/reviews/results/${enc(resultId)}/verdicts`,
  agreement: '/api/reviews/agreement',
};

export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => getJson(reviewPaths.me, meSchema, signal),
  staleTime: Infinity,
});

export const conversationReviewQueryOptions = (conversationId: string) =>
  queryOptions({
    queryKey: ['review', conversationId],
    queryFn: ({ signal }) => getJson(reviewPaths.conversation(conversationId), conversationReviewSchema, signal),
    // Others review at the same time: a quick refresh when the reader comes back to the page.
    staleTime: 10_000,
    refetchOnWindowFocus: true,
  });

export const resultVerdictsQueryOptions = (resultId: string) =>
  queryOptions({
    queryKey: ['result-verdicts', resultId],
    queryFn: ({ signal }) => getJson(reviewPaths.resultVerdicts(resultId), resultVerdictsSchema, signal),
    staleTime: 10_000,
  });

/** The conversation's history, oldest first, a page (500 changes) at a time. */
export const historyQueryOptions = (conversationId: string) =>
  infiniteQueryOptions({
    queryKey: ['review-history', conversationId],
    queryFn: ({ signal, pageParam }) =>
      getJson(
        pageParam ? `${reviewPaths.history(conversationId)}?after=${enc(pageParam)}` : reviewPaths.history(conversationId),
        historyPageSchema,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
    staleTime: 0,
  });

/** Agreement by operator and version; for one operator only when given its ID. */
export const agreementQueryOptions = (operatorId?: string) =>
  queryOptions({
    queryKey: ['agreement', operatorId ?? null],
    queryFn: ({ signal }) =>
      getJson(
        operatorId ? `${reviewPaths.agreement}?operatorId=${enc(operatorId)}` : reviewPaths.agreement,
        agreementSchema,
        signal,
      ),
    staleTime: 0,
  });

export const useMe = () => useQuery(meQueryOptions);

export function useSetName() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MeBody) => sendJson('PUT', reviewPaths.me, body, meSchema),
    onSuccess: (me) => {
      client.setQueryData(meQueryOptions.queryKey, me);
      // Every record's `mine` may change with who is asking.
      void client.invalidateQueries({ queryKey: ['review'] });
      void client.invalidateQueries({ queryKey: REVIEW_STATUSES_KEY });
    },
  });
}

/** After any write about a conversation: its review, its history, the result's verdicts and the agreement figures. */
function useRefreshReview(conversationId: string) {
  const client = useQueryClient();
  return (resultId?: string) => {
    void client.invalidateQueries({ queryKey: ['review', conversationId] });
    void client.invalidateQueries({ queryKey: ['review-history', conversationId] });
    void client.invalidateQueries({ queryKey: ['agreement'] });
    if (resultId) void client.invalidateQueries({ queryKey: ['result-verdicts', resultId] });
  };
}

export function useSaveVerdict(conversationId: string, resultId: string) {
  const refresh = useRefreshReview(conversationId);
  return useMutation({
    mutationFn: (body: VerdictBody) => sendJson('PUT', reviewPaths.verdict(conversationId, resultId), body, verdictSchema),
    onSettled: () => refresh(resultId),
  });
}

export function useWithdrawVerdict(conversationId: string, resultId: string) {
  const refresh = useRefreshReview(conversationId);
  return useMutation({
    mutationFn: (expectedVersion: number) =>
      sendJson(
        'DELETE',
        `${reviewPaths.verdict(conversationId, resultId)}?expectedVersion=${expectedVersion}`,
        undefined,
        verdictWithdrawnSchema,
      ),
    onSettled: () => refresh(resultId),
  });
}

export function useCreateNote(conversationId: string) {
  const refresh = useRefreshReview(conversationId);
  return useMutation({
    mutationFn: (body: NoteCreateBody) => sendJson('POST', reviewPaths.notes(conversationId), body, noteSchema),
    onSettled: () => refresh(),
  });
}

export function useEditNote(conversationId: string) {
  const refresh = useRefreshReview(conversationId);
  return useMutation({
    mutationFn: ({ noteId, ...body }: NoteEditBody & { noteId: string }) =>
      sendJson('PATCH', reviewPaths.note(noteId), body, noteSchema),
    onSettled: () => refresh(),
  });
}

export function useDeleteNote(conversationId: string) {
  const refresh = useRefreshReview(conversationId);
  return useMutation({
    mutationFn: ({ noteId, expectedVersion }: { noteId: string; expectedVersion: number }) =>
      sendJson('DELETE', `${reviewPaths.note(noteId)}?expectedVersion=${expectedVersion}`, undefined, noteSchema),
    onSettled: () => refresh(),
  });
}

export function useSetReviewStatus(conversationId: string) {
  const refresh = useRefreshReview(conversationId);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewStatusBody) => sendJson('PUT', reviewPaths.status(conversationId), body, reviewStatusSchema),
    onSettled: () => {
      refresh();
      // The inbox's rows show the status (and the queue walks by it).
      void client.invalidateQueries({ queryKey: REVIEW_STATUSES_KEY });
    },
  });
}
