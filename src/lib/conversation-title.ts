/** What a conversation is called when it has no name (the API's `name` is optional and nullable). */
export const UNTITLED_CONVERSATION = 'Untitled conversation';
