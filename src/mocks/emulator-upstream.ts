import { UpstreamUnavailable, type Upstream } from '../server/upstream-contract';
import { emulateTwilioGet } from './twilio-emulator';

/** The emulation without a network hop, for tests that run the BFF inside jsdom. */
export const emulatorUpstream: Upstream = {
  get: async (path) => {
    const answer = emulateTwilioGet(path, 'Basic dGVzdDp0ZXN0');
    if (!('fault' in answer)) return { status: answer.status, body: answer.body, headers: answer.headers ?? {} };
    switch (answer.fault.kind) {
      case 'hang':
        throw new UpstreamUnavailable('timeout', 'emulated hang');
      case 'reset':
        throw new UpstreamUnavailable('unreachable', 'ECONNRESET');
      case 'body':
        return { status: answer.fault.status, body: answer.fault.text, headers: { 'content-type': answer.fault.contentType } };
    }
  },
};
