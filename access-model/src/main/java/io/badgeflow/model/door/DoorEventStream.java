package io.badgeflow.model.door;

/** Port: where accepted door events go for ordered, durable processing. Returns once the stream holds it. */
public interface DoorEventStream {

    void publish(DoorEvent event);
}
