import { useState } from 'react';
import type { OtpChallenge } from '../api/auth.js';
import { useSignedIn } from '../hooks/use-signed-in.js';
import { type CitizenIdentity, CitizenIdentityForm } from './citizen-identity-form.js';
import { OtpCodeForm } from './otp-code-form.js';

interface SentCode {
  identity: CitizenIdentity;
  challenge: OtpChallenge;
  resendAt: number;
}

function sentNow(identity: CitizenIdentity, challenge: OtpChallenge): SentCode {
  return { identity, challenge, resendAt: Date.now() + challenge.resendAfterSeconds * 1000 };
}

/** Citizen sign-in in two steps: national ID and mobile, then the code received by SMS. */
export function CitizenSignIn() {
  const [identity, setIdentity] = useState<CitizenIdentity>({ nationalId: '', mobile: '' });
  const [sent, setSent] = useState<SentCode | null>(null);
  const signedIn = useSignedIn();

  if (!sent) {
    return (
      <CitizenIdentityForm
        initial={identity}
        onCodeSent={(challenge, sentTo) => {
          setIdentity(sentTo);
          setSent(sentNow(sentTo, challenge));
        }}
      />
    );
  }
  return (
    <OtpCodeForm
      key={sent.challenge.challengeId}
      identity={sent.identity}
      challenge={sent.challenge}
      resendAt={sent.resendAt}
      onResent={(challenge) => setSent(sentNow(sent.identity, challenge))}
      onChangeIdentity={() => setSent(null)}
      onSignedIn={signedIn}
    />
  );
}
