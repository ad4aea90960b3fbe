/** Signs demo citizen 1 in through the real API (OTP read from the SMS simulator); returns the cookie header. */
export async function demoCitizenCookie(
  baseUrl: string,
  citizen: { nationalId: string; mobile: string },
): Promise<string> {
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
  if (verified.status !== 200) throw new Error(`OTP verification failed: ${verified.status}`);
  const cookie = verified.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('No session cookie');
  return cookie;
}
