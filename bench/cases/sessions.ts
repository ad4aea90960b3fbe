/** A signed-in browser session: the cookie header and the CSRF token writes must carry. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

async function sessionFrom(response: Response, what: string): Promise<Session> {
  if (response.status !== 200) throw new Error(`${what} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  const me = (await response.json()) as { csrfToken?: string };
  if (!cookie || !me.csrfToken) throw new Error(`${what}: no session cookie or CSRF token`);
  return { cookie, csrfToken: me.csrfToken };
}

/** Signs a citizen in through the real API, the code read from the SMS simulator (as bench/lib does). */
export async function signInCitizen(
  baseUrl: string,
  citizen: { nationalId: string; mobile: string },
): Promise<Session> {
  const requested = await fetch(`${baseUrl}/api/v1/auth/citizen/otp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nationalId: citizen.nationalId, mobile: citizen.mobile }),
  });
  if (requested.status !== 202)
    throw new Error(`OTP request failed: ${requested.status} ${await requested.text()}`);
  const { challengeId } = (await requested.json()) as { challengeId: string };
  const inbox = (await (await fetch(`${baseUrl}/dev/sms/messages?to=${citizen.mobile}`)).json()) as {
    messages: { message: string }[];
  };
  const code = inbox.messages[0]?.message.match(/\d{6}/)?.[0];
  const verified = await fetch(`${baseUrl}/api/v1/auth/citizen/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ challengeId, code }),
  });
  return sessionFrom(verified, `Citizen ${citizen.nationalId} sign-in`);
}

export async function signInStaff(baseUrl: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return sessionFrom(response, `Staff ${username} sign-in`);
}

/** The ids of the parcels a signed-in citizen owns (their cartable). */
export async function myParcelIds(baseUrl: string, session: Session): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/v1/me/parcels`, { headers: { cookie: session.cookie } });
  if (response.status !== 200) throw new Error(`GET /api/v1/me/parcels: ${response.status}`);
  const { parcels } = (await response.json()) as { parcels: { id: string }[] };
  return parcels.map((p) => p.id);
}
