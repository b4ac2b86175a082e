import type { AntiPassback, AntiPassbackMode } from './types';

/** The modes in the order the form offers them, with what each does to someone who is inside already. */
export const ANTI_PASSBACK_MODES: readonly { value: AntiPassbackMode; label: string }[] = [
  { value: 'HARD', label: 'Hard: deny re-entry until they have left' },
  { value: 'SOFT', label: 'Soft: allow re-entry and raise an alarm' },
  { value: 'TIMED', label: 'Timed: deny re-entry for some minutes after entering' },
  { value: 'OFF', label: 'Off: do not check' },
];

/** A building's setting in a few words, e.g. "Timed (15 min)". */
export function antiPassbackText(setting: AntiPassback): string {
  switch (setting.mode) {
    case 'HARD':
      return 'Hard';
    case 'SOFT':
      return 'Soft (alarm only)';
    case 'TIMED':
      return `Timed (${setting.minutes ?? '?'} min)`;
    case 'OFF':
      return 'Off';
    default:
      return String(setting.mode);
  }
}

/**
 * The body of `PUT /buildings/{id}/anti-passback` from the form's text values: minutes only for TIMED, as a number
 * when they are one (anything else is sent as typed, so the API names the field).
 */
export function antiPassbackBody(values: { mode: string; minutes: string }): {
  mode: string;
  minutes: number | string | null;
} {
  if (values.mode !== 'TIMED') return { mode: values.mode, minutes: null };
  const minutes = values.minutes.trim();
  if (minutes === '') return { mode: values.mode, minutes: null };
  return { mode: values.mode, minutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes };
}
