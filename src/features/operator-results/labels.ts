export const FORMAT_LABELS: Record<string, string> = {
  TEXT: 'Text',
  JSON: 'JSON',
  CLASSIFICATION: 'Classification',
  EXTRACTION: 'Extraction',
};

export const TRIGGER_LABELS: Record<string, string> = {
  CONVERSATION_END: 'When the conversation closed',
  CONVERSATION_INACTIVE: 'When the conversation became inactive',
  COMMUNICATION: 'On a new communication',
};
