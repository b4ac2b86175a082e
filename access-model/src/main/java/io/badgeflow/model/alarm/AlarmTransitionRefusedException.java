package io.badgeflow.model.alarm;

/** An acknowledge or resolve the alarm's current status does not allow (resolved already, acknowledged twice). */
public final class AlarmTransitionRefusedException extends RuntimeException {

    private final AlarmStatus current;

    public AlarmTransitionRefusedException(String alarmId, AlarmStatus current, String attempted) {
        super("alarm " + alarmId + " is " + current + ": cannot " + attempted + " it");
        this.current = current;
    }

    public AlarmStatus current() {
        return current;
    }
}
