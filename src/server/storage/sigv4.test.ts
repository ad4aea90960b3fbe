import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalRequest,
  EMPTY_SHA256,
  signRequest,
  stringToSign,
  uriEncode,
} from './sigv4.js';

// AWS SigV4 test suite, "get-vanilla": GET / on example.amazonaws.com, service "service".
const suite = {
  credentials: { accessKey: 'AKIDEXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  now: new Date('2015-08-30T12:36:00Z'),
};
// The worked examples of the S3 API reference ("Signature calculations for the Authorization header").
const s3Docs = {
  credentials: { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  now: new Date('2013-05-24T00:00:00Z'),
  region: 'us-east-1',
  service: 's3',
};

function signatureOf(authorization: string): string {
  return /Signature=([0-9a-f]{64})$/.exec(authorization)?.[1] ?? '';
}

describe('AWS Signature Version 4', () => {
  it('reproduces the get-vanilla vector: canonical request, string to sign and signature', () => {
    const canonical = canonicalRequest({
      method: 'GET',
      path: '/',
      query: '',
      headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
      payloadHash: EMPTY_SHA256,
    });
    expect(canonical).toBe(
      `GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n${EMPTY_SHA256}`,
    );
    expect(stringToSign('20150830T123600Z', '20150830/us-east-1/service/aws4_request', canonical)).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n' +
        'bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
    );
    const headers = signRequest({
      method: 'GET',
      url: new URL('https://example.amazonaws.com/'),
      headers: {},
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 'service',
      ...suite,
    });
    expect(headers).toEqual({
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
        'SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    });
  });

  it('reproduces the S3 GET Object example (range header, empty payload)', () => {
    const headers = signRequest({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 },
      payloadHash: EMPTY_SHA256,
      ...s3Docs,
    });
    expect(headers.authorization).toContain('SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,');
    expect(signatureOf(headers.authorization)).toBe(
      'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('reproduces the S3 PUT Object example (a key that needs encoding, a signed payload)', () => {
    const payloadHash = createHash('sha256').update('Welcome to Amazon S3.').digest('hex');
    const headers = signRequest({
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
      headers: {
        date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': payloadHash,
      },
      payloadHash,
      ...s3Docs,
    });
    expect(signatureOf(headers.authorization)).toBe(
      '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });

  it('reproduces the S3 examples with a query string (lifecycle, list objects)', () => {
    const sign = (url: string) =>
      signatureOf(
        signRequest({
          method: 'GET',
          url: new URL(url),
          headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
          payloadHash: EMPTY_SHA256,
          ...s3Docs,
        }).authorization,
      );
    expect(sign('https://examplebucket.s3.amazonaws.com/?lifecycle')).toBe(
      'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    );
    expect(sign('https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2')).toBe(
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    );
  });

  it('encodes as RFC 3986 and sorts the query', () => {
    expect(uriEncode("a b*(c)!'~-_.")).toBe('a%20b%2A%28c%29%21%27~-_.');
    expect(uriEncode('a/b', true)).toBe('a/b');
    expect(uriEncode('سند')).toBe('%D8%B3%D9%86%D8%AF');
    expect(canonicalQuery('?b=2&a=x%2Fy&a=1&flag')).toBe('a=1&a=x%2Fy&b=2&flag=');
  });
});
