package io.badgeflow.cardevents.delivery;

import io.badgeflow.aws.s3.StoredObject;

/** Port: the raw bytes of a command document. Failures are transient (the caller retries the message). */
public interface CommandDocuments {

    /** @throws DocumentTooLargeException the object is larger than {@code maxBytes}; nothing more was read */
    byte[] load(StoredObject object, long maxBytes);
}
