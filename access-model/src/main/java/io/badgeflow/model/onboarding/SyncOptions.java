package io.badgeflow.model.onboarding;

/**
 * What a file says about itself: whether it is a full export (everyone employed is in it, so whoever is missing
 * has left) and which optional columns it has. A column the file lacks is not reconciled at all: a file without
 * {@code building codes} leaves grants alone, one without {@code card number} leaves cards alone, one without
 * {@code valid until} leaves card windows alone.
 */
public record SyncOptions(boolean fullExport, boolean buildings, boolean cards, boolean validity) {

    /** An export with every column, not full: nobody is offboarded. */
    public static final SyncOptions PARTIAL = new SyncOptions(false, true, true, true);

    public SyncOptions {
        if (validity && !cards) {
            throw new IllegalArgumentException("a card window needs the card column");
        }
    }

    public SyncOptions asFullExport() {
        return new SyncOptions(true, buildings, cards, validity);
    }
}
