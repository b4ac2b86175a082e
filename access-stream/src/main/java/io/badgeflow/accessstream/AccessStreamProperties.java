package io.badgeflow.accessstream;

import io.badgeflow.accessstream.simulator.Profile;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access-stream behaves: its stage, retention, the decision path's memory, alarms, the KCL consumer and the
 * simulator; the names of its stream, stores and topic are {@link AccessStreamStack}'s. The KCL timings default to
 * KCL's own production values; the {@code local} profile shortens them for the emulator (docs/local-aws.md explains
 * each).
 */
@ConfigurationProperties("badgeflow.access-stream")
public record AccessStreamProperties(
        String stage,
        Duration swipeRetention,
        Decisions decisions,
        Admission admission,
        Alarms alarms,
        Kcl kcl,
        Simulator simulator,
        DoorApi doorApi) {

    public AccessStreamProperties {
        if (stage == null || !stage.matches("[a-z][a-z0-9-]{0,19}")) {
            throw new IllegalArgumentException(
                    "badgeflow.access-stream.stage must be set: lowercase letters, digits" + " or -, at most 20");
        }
        swipeRetention = positive("badgeflow.access-stream.swipe-retention", swipeRetention, Duration.ofDays(90));
        decisions = decisions == null ? Decisions.defaults() : decisions;
        admission = admission == null ? Admission.defaults() : admission;
        alarms = alarms == null ? new Alarms(0, null) : alarms;
        kcl = kcl == null ? Kcl.defaults() : kcl;
        simulator = simulator == null ? Simulator.disabled() : simulator;
        doorApi = doorApi == null ? DoorApi.defaults() : doorApi;
    }

    /** The KCL application name, which is also the name of KCL's one table (leases, leader lock, worker metrics). */
    public String kclApplicationName() {
        return "badgeflow-" + stage + "-access-stream";
    }

    /**
     * When repeated denials at one door become an alarm (docs/decisions/0010); the alarms go to the stack's topic
     * ({@link AccessStreamStack#alarmsTopicArn()}).
     *
     * @param repeatedDenialsThreshold  this many denied entries at one door within one bucket raise
     *                                  REPEATED_DENIALS (default 5)
     * @param repeatedDenialsWindow     the bucket length (default 5 minutes)
     */
    public record Alarms(int repeatedDenialsThreshold, Duration repeatedDenialsWindow) {
        public Alarms {
            repeatedDenialsThreshold = repeatedDenialsThreshold == 0 ? 5 : repeatedDenialsThreshold;
            repeatedDenialsWindow =
                    positive("alarms.repeated-denials-window", repeatedDenialsWindow, Duration.ofMinutes(5));
        }
    }

    /**
     * How the decision path keeps the back office's records in memory (docs/decisions/0009).
     *
     * @param feedInterval      how often the finished commands are polled to forget what they changed
     * @param feedOverlap       how far before its last answer each poll asks again, for index lag and clock skew
     * @param recordTtl         the longest a remembered record is used without a change seen: the safety net
     * @param unknownCardTtl    the longest a card number found nowhere is remembered as unknown
     * @param maxRecords        the most records remembered per kind
     * @param refusalTtl        the longest a door id found nowhere, or a key a door refused, is refused again
     *                          without a read; a command naming the door (a rotated key, a door registered)
     *                          forgets it within about a feed interval, so this is only the safety net
     * @param maxRefusals       the most unknown door ids, and the most refused (door, key) pairs, remembered:
     *                          made-up ids and keys cost memory up to this and no further
     */
    public record Decisions(
            Duration feedInterval,
            Duration feedOverlap,
            Duration recordTtl,
            Duration unknownCardTtl,
            long maxRecords,
            Duration refusalTtl,
            long maxRefusals) {

        public Decisions {
            feedInterval = positive("decisions.feed-interval", feedInterval, Duration.ofMillis(250));
            feedOverlap = positive("decisions.feed-overlap", feedOverlap, Duration.ofSeconds(3));
            recordTtl = positive("decisions.record-ttl", recordTtl, Duration.ofMinutes(5));
            unknownCardTtl = positive("decisions.unknown-card-ttl", unknownCardTtl, Duration.ofSeconds(2));
            maxRecords = maxRecords == 0 ? 500_000 : maxRecords;
            if (maxRecords < 1) {
                throw new IllegalArgumentException("decisions.max-records must be positive");
            }
            refusalTtl = positive("decisions.refusal-ttl", refusalTtl, Duration.ofSeconds(10));
            maxRefusals = maxRefusals == 0 ? 10_000 : maxRefusals;
            if (maxRefusals < 1) {
                throw new IllegalArgumentException("decisions.max-refusals must be positive");
            }
        }

        static Decisions defaults() {
            return new Decisions(null, null, null, null, 0, null, 0);
        }
    }

    /**
     * How many decisions run at once and how long a reader's request may wait for its turn (docs/architecture.md,
     * "Overload"; docs/decisions/0017). A reader tells its deadline in {@code X-Door-Deadline-Ms}; a request that
     * cannot commit within it is answered 503 with {@code Retry-After} rather than decided after the reader gave up.
     *
     * @param maxConcurrent     decisions in flight at most (default 16)
     * @param backlog           requests that may wait for a free slot, newest served first (default 16); beyond it
     *                          a request is refused at once
     * @param maxWait           the longest a request waits for a slot, and never past its deadline (default 50 ms):
     *                          under overload the newest waiters are served first, so an older one's chance fades
     *                          fast, and a refusal at 50 ms beats one at the deadline
     * @param defaultDeadline   the reader's budget when it sends no header (default 200 ms, as OSDP readers wait)
     * @param maxDeadline       the largest budget a header may ask for (default 10 s); more is a 400
     * @param answerReserve     the least kept back from the budget for the presence write and the answer's way
     *                          back (default 20 ms; more while recent decisions take longer): a decision whose
     *                          write would start later is dropped
     * @param retryAfter        the {@code Retry-After} of a refusal (default 1 s, the header's smallest value)
     */
    public record Admission(
            int maxConcurrent,
            Integer backlog,
            Duration maxWait,
            Duration defaultDeadline,
            Duration maxDeadline,
            Duration answerReserve,
            Duration retryAfter) {

        public Admission {
            maxConcurrent = maxConcurrent == 0 ? 16 : maxConcurrent;
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("admission.max-concurrent must be positive");
            }
            backlog = backlog == null ? 16 : backlog;
            if (backlog < 0) {
                throw new IllegalArgumentException("admission.backlog must not be negative");
            }
            maxWait = positive("admission.max-wait", maxWait, Duration.ofMillis(50));
            defaultDeadline = positive("admission.default-deadline", defaultDeadline, Duration.ofMillis(200));
            maxDeadline = positive("admission.max-deadline", maxDeadline, Duration.ofSeconds(10));
            if (defaultDeadline.compareTo(maxDeadline) > 0) {
                throw new IllegalArgumentException("admission.default-deadline must not exceed admission.max-deadline");
            }
            answerReserve = answerReserve == null ? Duration.ofMillis(20) : answerReserve;
            if (answerReserve.isNegative() || answerReserve.compareTo(defaultDeadline) >= 0) {
                throw new IllegalArgumentException(
                        "admission.answer-reserve must be at least 0 and less than admission.default-deadline");
            }
            retryAfter = positive("admission.retry-after", retryAfter, Duration.ofSeconds(1));
        }

        static Admission defaults() {
            return new Admission(0, null, null, null, null, null, null);
        }
    }

    /**
     * The KCL 3 consumer's settings. Each timing maps to one KCL setting; defaults are KCL's, so production runs
     * as KCL intends and only the local profile trades DynamoDB calls for a fast start.
     *
     * @param enabled                        run the consumer in this process at all
     * @param metricsLevel                   NONE, SUMMARY or DETAILED (KCL's CloudWatch metrics)
     * @param initialPosition                TRIM_HORIZON or LATEST, for a shard without a checkpoint
     * @param failoverTime                   lease duration; a lease not renewed in this time is expired
     * @param leaseAssignmentInterval        how often the leader's lease assignment manager runs
     * @param shardSyncInterval              periodic shard sync, and KCL's idle time after the first sync
     * @param workerMetricsReportInterval    how often a worker reports its metrics (the leader only assigns
     *                                       leases to workers that have reported)
     * @param leaderLockDuration             the leader lock's lease; a restarted worker waits this out
     * @param leaderLockHeartbeat            how often the leader renews its lock (at most a third of the above)
     * @param dispatchPollInterval           the scheduler loop's pause between shard-consumer state steps
     * @param idleTimeBetweenReads           the pause between GetRecords calls on an idle shard
     * @param bootstrapLeases                create the shard leases before the scheduler starts, which skips
     *                                       KCL's random 1-30 s wait on an empty lease table
     * @param shutdownTimeout                how long stop() waits for the graceful shutdown
     * @param retryBackoff                   first pause before retrying a failed store write (doubles, capped)
     */
    public record Kcl(
            boolean enabled,
            String metricsLevel,
            String initialPosition,
            Duration failoverTime,
            Duration leaseAssignmentInterval,
            Duration shardSyncInterval,
            Duration workerMetricsReportInterval,
            Duration leaderLockDuration,
            Duration leaderLockHeartbeat,
            Duration dispatchPollInterval,
            Duration idleTimeBetweenReads,
            boolean bootstrapLeases,
            Duration shutdownTimeout,
            Duration retryBackoff) {

        private static final Set<String> METRICS_LEVELS = Set.of("NONE", "SUMMARY", "DETAILED");
        private static final Set<String> POSITIONS = Set.of("TRIM_HORIZON", "LATEST");

        public Kcl {
            metricsLevel =
                    metricsLevel == null ? "DETAILED" : metricsLevel.strip().toUpperCase();
            if (!METRICS_LEVELS.contains(metricsLevel)) {
                throw new IllegalArgumentException(
                        "badgeflow.access-stream.kcl.metrics-level must be one of " + METRICS_LEVELS);
            }
            initialPosition = initialPosition == null
                    ? "TRIM_HORIZON"
                    : initialPosition.strip().toUpperCase();
            if (!POSITIONS.contains(initialPosition)) {
                throw new IllegalArgumentException(
                        "badgeflow.access-stream.kcl.initial-position must be one of " + POSITIONS);
            }
            failoverTime = positive("kcl.failover-time", failoverTime, Duration.ofSeconds(10));
            leaseAssignmentInterval =
                    positive("kcl.lease-assignment-interval", leaseAssignmentInterval, failoverTime.multipliedBy(2));
            shardSyncInterval = positive("kcl.shard-sync-interval", shardSyncInterval, Duration.ofSeconds(60));
            workerMetricsReportInterval =
                    positive("kcl.worker-metrics-report-interval", workerMetricsReportInterval, Duration.ofSeconds(30));
            leaderLockDuration = positive("kcl.leader-lock-duration", leaderLockDuration, Duration.ofMinutes(2));
            leaderLockHeartbeat = positive("kcl.leader-lock-heartbeat", leaderLockHeartbeat, Duration.ofSeconds(30));
            if (leaderLockHeartbeat.multipliedBy(3).compareTo(leaderLockDuration) > 0) {
                throw new IllegalArgumentException(
                        "kcl.leader-lock-heartbeat must be at most a third of kcl.leader-lock-duration");
            }
            dispatchPollInterval = positive("kcl.dispatch-poll-interval", dispatchPollInterval, Duration.ofSeconds(1));
            idleTimeBetweenReads =
                    positive("kcl.idle-time-between-reads", idleTimeBetweenReads, Duration.ofMillis(1500));
            if (idleTimeBetweenReads.toMillis() < 200) {
                throw new IllegalArgumentException(
                        "kcl.idle-time-between-reads must be at least 200ms (KCL's minimum)");
            }
            shutdownTimeout = positive("kcl.shutdown-timeout", shutdownTimeout, Duration.ofSeconds(20));
            retryBackoff = positive("kcl.retry-backoff", retryBackoff, Duration.ofMillis(200));
        }

        static Kcl defaults() {
            return new Kcl(true, null, null, null, null, null, null, null, null, null, null, false, null, null);
        }
    }

    /**
     * The door simulator (a separate process in bin/run): provisions through admin-service's API, then plays a
     * profile against the decision API of {@code baseUrl}. Rates, sizes and the profile are flags.
     *
     * @param adminUrl          admin-service, where it signs in and provisions
     * @param adminUser         an admin's user name (bin/run passes its demo admin)
     * @param adminPassword     that admin's password
     * @param buildingId        the building it provisions and plays in
     * @param doors             how many doors it registers (or re-keys) there
     * @param people            how many people it imports (each with a card and a grant for the building)
     * @param count             stop after this many actions (0: no limit)
     * @param duration          stop after this long (unset: no limit; an evacuation also ends when all are out)
     * @param evacuationWindow  how long an EVACUATION spreads its exits over (10,000 exits in 5 minutes)
     * @param exitWhenDone      end the process after the summary (for benchmarks)
     * @param warmUp            played first but left out of the figures (JIT, caches, connections warm up)
     */
    public record Simulator(
            boolean enabled,
            URI baseUrl,
            URI adminUrl,
            String adminUser,
            String adminPassword,
            String profile,
            String buildingId,
            int doors,
            int people,
            double ratePerSecond,
            long count,
            Duration duration,
            Duration progressInterval,
            Duration evacuationWindow,
            boolean exitWhenDone,
            Duration warmUp) {

        public Simulator {
            baseUrl = baseUrl == null ? URI.create("http://127.0.0.1:8082") : baseUrl;
            adminUrl = adminUrl == null ? URI.create("http://127.0.0.1:8081") : adminUrl;
            if (enabled && (adminUser == null || adminUser.isBlank() || adminPassword == null)) {
                throw new IllegalArgumentException("simulator.admin-user and simulator.admin-password must be set");
            }
            profile = profile == null || profile.isBlank()
                    ? "NORMAL_DAY"
                    : profile.strip().toUpperCase().replace('-', '_');
            try {
                Profile.valueOf(profile);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "simulator.profile must be one of " + Arrays.toString(Profile.values()), e);
            }
            buildingId = buildingId == null || buildingId.isBlank() ? "SIM-HQ" : buildingId;
            doors = doors == 0 ? 4 : doors;
            if (doors < 1 || doors > 500) {
                throw new IllegalArgumentException("simulator.doors must be 1-500");
            }
            people = people == 0 ? 200 : people;
            if (people < 1 || people > 100_000) {
                throw new IllegalArgumentException("simulator.people must be 1-100000");
            }
            ratePerSecond = ratePerSecond == 0 ? 2 : ratePerSecond;
            if (!(ratePerSecond > 0 && ratePerSecond <= 20_000)) {
                throw new IllegalArgumentException("simulator.rate-per-second must be in (0, 20000]");
            }
            if (count < 0) {
                throw new IllegalArgumentException("simulator.count must not be negative");
            }
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("simulator.duration must be positive when set");
            }
            progressInterval = positive("simulator.progress-interval", progressInterval, Duration.ofSeconds(10));
            evacuationWindow = positive("simulator.evacuation-window", evacuationWindow, Duration.ofMinutes(5));
            warmUp = warmUp == null ? Duration.ZERO : warmUp;
            if (warmUp.isNegative()) {
                throw new IllegalArgumentException("simulator.warm-up must not be negative");
            }
        }

        /** The profile, checked by the constructor. */
        public Profile playing() {
            return Profile.valueOf(profile);
        }

        static Simulator disabled() {
            return new Simulator(false, null, null, null, null, null, null, 0, 0, 0, 0, null, null, null, false, null);
        }
    }

    /**
     * How the public door API keeps one caller from taking it over (docs/configuration.md, "Door API limits").
     * Each limit is a token bucket: {@code burst} requests at once, refilled at {@code perSecond}; a request over
     * it is answered 429 with Retry-After. The defaults are far above what real doors send (a turnstile in a rush
     * takes about one swipe a second, an evacuation a few exits a second per door) and above what the benchmarks
     * drive ({@code bin/bench decisions}: 1,000/s over 8 doors, 125/s per door, all from one address).
     *
     * @param perDoor         each authenticated door (a refused key never spends a door's tokens, so nobody
     *                        without the key can lock a door out)
     * @param perSource       each client address, before anything else of the request is read
     * @param trustedProxies  the peers (CIDR) whose X-Forwarded-For is believed: from them the source is the
     *                        right-most entry, the one the proxy itself appended; from any other peer, the peer.
     *                        Empty (the default): the peer is the source
     * @param maxBuckets      the most buckets kept per kind, least used dropped first, so made-up doors and
     *                        addresses cost bounded memory (a dropped bucket starts full again)
     */
    public record DoorApi(Limit perDoor, Limit perSource, List<String> trustedProxies, long maxBuckets) {

        public DoorApi {
            perDoor = perDoor == null ? new Limit(400, 200) : perDoor.checked("door-api.per-door");
            perSource = perSource == null ? new Limit(4_000, 2_000) : perSource.checked("door-api.per-source");
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            maxBuckets = maxBuckets == 0 ? 100_000 : maxBuckets;
            if (maxBuckets < 1) {
                throw new IllegalArgumentException("door-api.max-buckets must be positive");
            }
        }

        static DoorApi defaults() {
            return new DoorApi(null, null, null, 0);
        }
    }

    /**
     * A token bucket.
     *
     * @param burst      requests taken at once (the bucket's capacity)
     * @param perSecond  tokens added back each second
     */
    public record Limit(long burst, long perSecond) {

        Limit checked(String property) {
            if (burst < 1 || perSecond < 1) {
                throw new IllegalArgumentException(property + ".burst and .per-second must be positive");
            }
            return this;
        }
    }

    private static Duration positive(String property, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be positive");
        }
        return value;
    }
}
