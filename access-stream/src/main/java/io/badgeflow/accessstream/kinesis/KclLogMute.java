package io.badgeflow.accessstream.kinesis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Silences KCL's and the SDK's own log lines while the watch knows Kinesis or DynamoDB is down: KCL logs every
 * failed lease renewal, shard sync and poll (about 15 lines a second against a stopped emulator), which would bury
 * the one line the watch writes per state change. The lines are counted, and the count is logged on recovery.
 */
final class KclLogMute extends TurboFilter {

    private static final String[] MUTED = {"software.amazon.kinesis", "software.amazon.awssdk"};

    private volatile boolean muted;
    private final AtomicLong dropped = new AtomicLong();

    /** Adds this filter to Logback, if Logback is the logging backend (elsewhere nothing is muted). */
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !context.getTurboFilterList().contains(this)) {
            context.addTurboFilter(this);
        }
    }

    void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getTurboFilterList().remove(this);
        }
    }

    void mute() {
        dropped.set(0);
        muted = true;
    }

    /** Ends the mute; returns how many lines it dropped. */
    long unmute() {
        muted = false;
        return dropped.get();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (!muted || logger == null) {
            return FilterReply.NEUTRAL;
        }
        var name = logger.getName();
        for (var prefix : MUTED) {
            if (name.startsWith(prefix)) {
                // Not logger.isEnabledFor: that asks the turbo filters again.
                if (level != null && level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                    dropped.incrementAndGet();
                }
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
