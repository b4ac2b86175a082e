package io.badgeflow.model.alarm;

/** Port: tells security operators about an alarm (the alarms topic). May deliver one alarm more than once. */
public interface AlarmPublisher {

    void publish(Alarm alarm);
}
