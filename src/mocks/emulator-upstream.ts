import type { Upstream } from '../server/upstream-contract';
import { emulateTwilioGet } from './twilio-emulator';

/** The emulation without a network hop, for tests that run the BFF inside jsdom. */
export const emulatorUpstream: Upstream = {
  get: async (path) => {
    const answer = emulateTwilioGet(path, 'Basic dGVzdDp0ZXN0');
    return { status: answer.status, body: answer.body, headers: answer.headers ?? {} };
  },
};
