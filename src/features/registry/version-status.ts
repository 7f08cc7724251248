// A version's registration status in words; an unknown value (the enum may grow) as it came.
const LABELS: Record<string, string> = {
  READY: 'Ready',
  PENDING_REGISTRATION: 'Pending registration',
  FAILED_REGISTRATION: 'Failed registration',
};

export function versionStatusLabel(status: string): string {
  return LABELS[status] ?? status;
}
