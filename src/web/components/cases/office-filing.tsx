import { Button, Checkbox, Group, Select, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type Applicant,
  type ConsentProof,
  recordConsent,
  requestConsentCode,
  useCreateCase,
  useServices,
} from '../../api/cases.js';
import { toLatinDigits } from '../../format.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LtrText } from '../ltr-text.js';
import { CaseErrorAlert } from './case-error-alert.js';
import { ConsentedParcelPicker } from './consented-parcel-picker.js';

const CODE_LENGTH = 6;

/**
 * An office files a request for a citizen: who (national ID, mobile, service), their consent (a code texted to the
 * citizen, or an in-person ID check the operator vouches for), which the server records; only then does the
 * server show the office that citizen's properties to pick one.
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
  const [consentId, setConsentId] = useState<string | null>(null);
  const [parcelId, setParcelId] = useState<string | null>(null);
  const sendCode = useMutation({
    mutationFn: requestConsentCode,
    onSuccess: (sent) => {
      setChallengeId(sent.challengeId);
      setCode('');
      setStep(1);
    },
  });
  const consent = useMutation({
    mutationFn: (proof: ConsentProof) => recordConsent({ ...applicant, serviceCode: serviceCode!, proof }),
    onSuccess: (recorded) => {
      setConsentId(recorded.consentId);
      setParcelId(null);
      setStep(2);
    },
  });
  const create = useCreateCase();
  const hasError = fieldErrorsOf(sendCode.error ?? consent.error);
  const cleanCode = toLatinDigits(code).replace(/\D/g, '');

  function submitCitizen(event: FormEvent) {
    event.preventDefault();
    if (!serviceCode) return;
    consent.reset();
    if (inPerson) consent.mutate({ method: 'in_person', idDocumentChecked: true });
    else sendCode.mutate({ ...applicant, serviceCode });
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    if (cleanCode.length === CODE_LENGTH && challengeId)
      consent.mutate({ method: 'otp', challengeId, code: cleanCode });
  }

  function startOver() {
    setConsentId(null);
    setParcelId(null);
    setStep(0);
  }

  function file() {
    if (!serviceCode || !parcelId || !consentId) return;
    create.mutate(
      { serviceCode, parcelId, consent: { method: 'recorded', consentId } },
      { onSuccess: (detail) => void navigate(`/cases/${detail.id}`) },
    );
  }

  return (
    <Stepper active={step} onStepClick={(index) => index === 0 && step > 0 && startOver()} size="sm">
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
            <ApiErrorAlert error={sendCode.error ?? (step === 0 ? consent.error : null) ?? services.error} />
            <Group justify="space-between">
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={sendCode.isPending || consent.isPending}
                disabled={!applicant.nationalId.trim() || !applicant.mobile.trim() || !serviceCode}
                data-testid="consent-next"
              >
                {t(inPerson ? 'office.recordInPerson' : 'office.sendCode')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stepper.Step>
      <Stepper.Step label={t('office.stepConsent')} icon={format.number(2)}>
        <form onSubmit={submitCode} noValidate>
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
            <ApiErrorAlert error={consent.error} />
            <Group justify="space-between">
              <Button variant="default" onClick={startOver}>
                {t('office.back')}
              </Button>
              <Button type="submit" loading={consent.isPending} disabled={cleanCode.length !== CODE_LENGTH}>
                {t('office.continue')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stepper.Step>
      <Stepper.Step label={t('office.stepParcel')} icon={format.number(3)}>
        <Stack maw={560} mt="md">
          <Text size="sm" c="dimmed">
            {t(inPerson ? 'office.consentInPerson' : 'office.consentByCode')}
          </Text>
          {consentId && (
            <ConsentedParcelPicker consentId={consentId} value={parcelId} onChange={setParcelId} />
          )}
          <CaseErrorAlert error={create.error} />
          <Group justify="space-between">
            <Button variant="default" onClick={startOver}>
              {t('office.startOver')}
            </Button>
            <Button
              onClick={file}
              disabled={!parcelId}
              loading={create.isPending}
              data-testid="office-create"
            >
              {t('office.create')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
    </Stepper>
  );
}
