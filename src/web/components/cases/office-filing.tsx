import { Button, Checkbox, Group, Radio, Select, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type Applicant,
  type Consent,
  requestConsentCode,
  useCreateCase,
  useServices,
} from '../../api/cases.js';
import { useParcelSearch } from '../../api/zoning.js';
import { toLatinDigits } from '../../format.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LtrText } from '../ltr-text.js';
import { CaseErrorAlert } from './case-error-alert.js';

const CODE_LENGTH = 6;

/**
 * An office files a request for a citizen: who (national ID, mobile, service), their consent (a code texted to the
 * citizen, or an in-person ID check the operator vouches for), then the property by its renewal code. The server
 * checks that the citizen owns it; nothing lists a citizen's properties to an office.
 */
export function OfficeFiling({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const services = useServices(undefined);
  const [step, setStep] = useState(0);
  const [applicant, setApplicant] = useState<Applicant>({ nationalId: '', mobile: '' });
  const [serviceCode, setServiceCode] = useState<string | null>(null);
  const [inPerson, setInPerson] = useState(false);
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [renewalCode, setRenewalCode] = useState('');
  const [parcelId, setParcelId] = useState<string | null>(null);
  const sendCode = useMutation({
    mutationFn: requestConsentCode,
    onSuccess: (sent) => {
      setChallengeId(sent.challengeId);
      setCode('');
      setStep(1);
    },
  });
  const search = useParcelSearch();
  const create = useCreateCase();
  const hasError = fieldErrorsOf(sendCode.error);
  const cleanCode = toLatinDigits(code).replace(/\D/g, '');

  function submitCitizen(event: FormEvent) {
    event.preventDefault();
    if (!serviceCode) return;
    if (inPerson) setStep(2);
    else sendCode.mutate({ ...applicant, serviceCode });
  }

  function submitConsent(event: FormEvent) {
    event.preventDefault();
    if (cleanCode.length === CODE_LENGTH) setStep(2);
  }

  function find(event: FormEvent) {
    event.preventDefault();
    setParcelId(null);
    search.mutate({ by: 'renewalCode', renewalCode });
  }

  function file() {
    if (!serviceCode || !parcelId) return;
    const consent: Consent =
      inPerson || !challengeId
        ? { method: 'in_person', idDocumentChecked: true }
        : { method: 'otp', challengeId, code: cleanCode };
    create.mutate(
      {
        serviceCode,
        parcelId,
        applicant: {
          nationalId: toLatinDigits(applicant.nationalId).trim(),
          mobile: toLatinDigits(applicant.mobile).trim(),
        },
        consent,
      },
      { onSuccess: (detail) => void navigate(`/cases/${detail.id}`) },
    );
  }

  return (
    <Stepper active={step} onStepClick={(index) => index < step && setStep(index)} size="sm">
      <Stepper.Step label={t('office.stepCitizen')} icon={format.number(1)}>
        <form onSubmit={submitCitizen} noValidate>
          <Stack maw={480} mt="md">
            <Text size="sm" c="dimmed">
              {t('office.citizenHint')}
            </Text>
            <TextInput
              label={t('signIn.nationalId')}
              value={applicant.nationalId}
              onChange={(event) => setApplicant({ ...applicant, nationalId: event.currentTarget.value })}
              error={hasError('nationalId')}
              inputMode="numeric"
              dir="ltr"
              maxLength={12}
              data-autofocus
            />
            <TextInput
              label={t('signIn.mobile')}
              value={applicant.mobile}
              onChange={(event) => setApplicant({ ...applicant, mobile: event.currentTarget.value })}
              error={hasError('mobile')}
              inputMode="tel"
              dir="ltr"
              maxLength={16}
            />
            <Select
              label={t('office.service')}
              data={(services.data ?? []).map((service) => ({ value: service.code, label: service.name }))}
              value={serviceCode}
              onChange={setServiceCode}
              placeholder={t('case.choose')}
            />
            <Checkbox
              label={t('office.inPerson')}
              description={t('office.inPersonHint')}
              checked={inPerson}
              onChange={(event) => setInPerson(event.currentTarget.checked)}
            />
            <ApiErrorAlert error={sendCode.error ?? services.error} />
            <Group justify="space-between">
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={sendCode.isPending}
                disabled={!applicant.nationalId.trim() || !applicant.mobile.trim() || !serviceCode}
              >
                {t(inPerson ? 'office.continue' : 'office.sendCode')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stepper.Step>
      <Stepper.Step label={t('office.stepConsent')} icon={format.number(2)}>
        <form onSubmit={submitConsent} noValidate>
          <Stack maw={480} mt="md">
            <Text size="sm">
              {t('office.codeSentTo')} <LtrText>{format.digits(applicant.mobile)}</LtrText>
            </Text>
            <TextInput
              label={t('office.code')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              inputMode="numeric"
              autoComplete="off"
              maxLength={CODE_LENGTH}
              dir="ltr"
              size="lg"
              styles={{ input: { letterSpacing: '0.4em', textAlign: 'center' } }}
              data-autofocus
            />
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)}>
                {t('office.back')}
              </Button>
              <Button type="submit" disabled={cleanCode.length !== CODE_LENGTH}>
                {t('office.continue')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stepper.Step>
      <Stepper.Step label={t('office.stepParcel')} icon={format.number(3)}>
        <Stack maw={560} mt="md">
          {inPerson && (
            <Text size="sm" c="dimmed">
              {t('office.consentInPerson')}
            </Text>
          )}
          <form onSubmit={find} noValidate>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('office.renewalCode')}
                description={t('office.parcelHint')}
                value={renewalCode}
                onChange={(event) => setRenewalCode(event.currentTarget.value)}
                dir="ltr"
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="light" loading={search.isPending} disabled={!renewalCode.trim()}>
                {t('office.find')}
              </Button>
            </Group>
          </form>
          <ApiErrorAlert error={search.error} />
          {search.data?.parcels.length === 0 && <Text c="dimmed">{t('office.noParcel')}</Text>}
          {search.data && search.data.parcels.length > 0 && (
            <Radio.Group value={parcelId} onChange={setParcelId}>
              <Stack gap="xs">
                {search.data.parcels.map((parcel) => (
                  <Radio.Card key={parcel.id} value={parcel.id} p="sm" radius="md">
                    <Group wrap="nowrap">
                      <Radio.Indicator />
                      <div>
                        <Text fw={600}>
                          <LtrText>{format.digits(parcel.renewalCode)}</LtrText>
                        </Text>
                        <Text size="sm" c="dimmed">
                          {format.district(parcel.districtNumber)}
                          {parcel.address ? ` — ${parcel.address}` : ''}
                        </Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
          )}
          <CaseErrorAlert error={create.error} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(inPerson ? 0 : 1)}>
              {t('office.back')}
            </Button>
            <Button onClick={file} disabled={!parcelId} loading={create.isPending}>
              {t('office.create')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
    </Stepper>
  );
}
