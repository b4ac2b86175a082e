import { describe, expect, it } from 'vitest';
import { alarmLabel, endpointProblem, nextActions, subscriptionStatusLabel } from './alarms';

describe('alarms', () => {
  it('names alarm types as people read them and keeps unknown ones', () => {
    expect(alarmLabel('DOOR_FORCED')).toBe('Door forced');
    expect(alarmLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('offers acknowledge and resolve while open, resolve once acknowledged, nothing once resolved', () => {
    expect(nextActions('OPEN')).toEqual(['acknowledge', 'resolve']);
    expect(nextActions('ACKNOWLEDGED')).toEqual(['resolve']);
    expect(nextActions('RESOLVED')).toEqual([]);
  });

  it('checks endpoints as the API does', () => {
    expect(endpointProblem('EMAIL', 'security@example.com')).toBeNull();
    expect(endpointProblem('EMAIL', 'nope')).not.toBeNull();
    expect(endpointProblem('SMS', '+442071234567')).toBeNull();
    expect(endpointProblem('SMS', '07700900123')).not.toBeNull();
    expect(endpointProblem('WEBHOOK', 'https://hooks.example.com/x')).toBeNull();
    expect(endpointProblem('WEBHOOK', 'http://hooks.example.com/x')).toMatch(/https/);
    expect(endpointProblem('WEBHOOK', 'https://u:p@hooks.example.com/x')).not.toBeNull();
    expect(endpointProblem('WEBHOOK', ' ')).toBe('Required.');
    // left to the API, which allows it on the local stage only
    expect(endpointProblem('WEBHOOK', 'http://127.0.0.1:9000/hook')).toBeNull();
  });

  it('says a subscription waits for its confirmation', () => {
    expect(subscriptionStatusLabel('PENDING_CONFIRMATION')).toBe('pending confirmation');
  });
});
